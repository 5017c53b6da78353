import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, omega } from './run-cli.js';

describe('omega basics', () => {
  it('prints help with exit 0 and usage errors with exit 2', () => {
    const help = omega(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/convert/);
    expect(help.stdout).toMatch(/inspect/);
    for (const command of ['convert', 'inspect', 'synth', 'mesh', 'ledger', 'ledger build', 'ledger pay', 'ledger reconcile', 'ledger export', 'ledger statement', 'recommend', 'evaluate', 'demo']) {
      const r = omega([...command.split(' '), '--help']);
      expect(r.code, command).toBe(0);
      expect(r.stdout, command).toMatch(new RegExp(`^Usage: omega ${command}`));
    }
    const bad = omega(['frobnicate']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/unknown command/);
    expect(omega([]).code).toBe(2);
  });

  it('prints one line and a hint for a known error, exit 1', () => {
    const r = omega(['inspect', join(FIXTURES, 'python-legacy/seed/truncated_mesh.json')]);
    expect(r.code).toBe(1);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^omega: .*truncated_mesh\.json/);
    expect(lines[1]).toMatch(/^hint: /);
  });

  it('inspects one fixture of every format family', () => {
    const dirs = ['seed', 'npy', 'npz', 'hdf5', 'pickle'].map((d) => join(FIXTURES, 'python-legacy', d));
    const picks = [
      join(FIXTURES, 'python-legacy/seed/results.compressed'),
      join(FIXTURES, 'python-legacy/seed/results.json'),
      ...['npy/float32.npy', 'npz/plain.npz', 'hdf5/mesh_export.h5', 'pickle/sample_p2.pkl', 'safetensors/model.safetensors', 'torch/state_dict.pt'].map((f) => join(FIXTURES, 'python-current', f)),
    ];
    expect(dirs.every((d) => readdirSync(d).length > 0)).toBe(true);
    for (const file of picks) {
      const r = omega(['inspect', file, '--json']);
      expect(r.code, `${file}: ${r.stderr}`).toBe(0);
      const parsed = JSON.parse(r.stdout) as { format: string; tree: { type: string } };
      expect(parsed.format.length).toBeGreaterThan(0);
      expect(parsed.tree.type.length).toBeGreaterThan(0);
    }
  });
});
