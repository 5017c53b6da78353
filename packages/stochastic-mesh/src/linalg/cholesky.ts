/** Cholesky factorisation of small dense symmetric positive-definite matrices (row-major Float64Array). */
import { InvalidArgumentError, NumericalError } from '../errors.js';

/** Validate a correlation matrix (square, symmetric, unit diagonal, entries in [−1, 1]) and return it row-major. */
export function correlationToArray(correlation: readonly (readonly number[])[] | undefined, n: number, field = 'correlation'): Float64Array {
  const out = new Float64Array(n * n);
  if (correlation === undefined) {
    for (let i = 0; i < n; i++) out[i * n + i] = 1;
    return out;
  }
  if (!Array.isArray(correlation) || correlation.length !== n) throw new InvalidArgumentError(field, `${n}×${n} matrix`, correlation);
  for (let i = 0; i < n; i++) {
    const row = correlation[i];
    if (!Array.isArray(row) || row.length !== n) throw new InvalidArgumentError(`${field}[${i}]`, `row of length ${n}`, row);
    for (let j = 0; j < n; j++) {
      const v = row[j];
      if (typeof v !== 'number' || !(v >= -1 && v <= 1)) throw new InvalidArgumentError(`${field}[${i}][${j}]`, 'a number in [-1, 1]', v);
      out[i * n + j] = v;
    }
    if (out[i * n + i] !== 1) throw new InvalidArgumentError(`${field}[${i}][${i}]`, '1 on the diagonal', row[i]);
  }
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) {
      if (Math.abs(out[i * n + j]! - out[j * n + i]!) > 1e-12) throw new InvalidArgumentError(`${field}[${i}][${j}]`, `symmetric (= ${field}[${j}][${i}])`, out[i * n + j]);
    }
  }
  return out;
}

/** Lower-triangular L with A = L Lᵀ. Throws NumericalError if A is not positive definite. */
export function cholesky(a: Float64Array, n: number, field = 'correlation'): Float64Array {
  const l = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = a[i * n + j]!;
      for (let k = 0; k < j; k++) sum -= l[i * n + k]! * l[j * n + k]!;
      if (i === j) {
        if (!(sum > 1e-14)) throw new NumericalError(field, `matrix is not positive definite (pivot ${i} = ${sum})`);
        l[i * n + i] = Math.sqrt(sum);
      } else {
        l[i * n + j] = sum / l[j * n + j]!;
      }
    }
  }
  return l;
}

/** Inverse of a lower-triangular matrix (also lower triangular), by forward substitution. */
export function invertLower(l: Float64Array, n: number): Float64Array {
  const inv = new Float64Array(n * n);
  for (let col = 0; col < n; col++) {
    for (let i = col; i < n; i++) {
      let sum = i === col ? 1 : 0;
      for (let k = col; k < i; k++) sum -= l[i * n + k]! * inv[k * n + col]!;
      inv[i * n + col] = sum / l[i * n + i]!;
    }
  }
  return inv;
}

/** Solve the symmetric positive (semi-)definite system A x = b in place by Cholesky with a tiny ridge. */
export function solveSpd(a: Float64Array, b: Float64Array, n: number): Float64Array {
  let scale = 0;
  for (let i = 0; i < n; i++) scale = Math.max(scale, Math.abs(a[i * n + i]!));
  const ridged = Float64Array.from(a);
  for (let i = 0; i < n; i++) ridged[i * n + i] = ridged[i * n + i]! + 1e-12 * (scale || 1);
  const l = cholesky(ridged, n, 'regression normal equations');
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = b[i]!;
    for (let k = 0; k < i; k++) s -= l[i * n + k]! * y[k]!;
    y[i] = s / l[i * n + i]!;
  }
  const x = new Float64Array(n);
  for (let i = n - 1; i >= 0; i--) {
    let s = y[i]!;
    for (let k = i + 1; k < n; k++) s -= l[k * n + i]! * x[k]!;
    x[i] = s / l[i * n + i]!;
  }
  return x;
}
