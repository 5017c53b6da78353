# The same vectorised GBM simulation in numpy (terminal values, exact log stepping), timed inside Python.
import json, sys, time
import numpy as np

paths, steps, repeats = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
s0, mu, sigma, horizon = 100.0, 0.07, 0.2, 10.0
dt = horizon / steps
rng = np.random.default_rng(1)

def run():
    z = rng.standard_normal((paths, steps))
    logs = np.log(s0) + ((mu - 0.5 * sigma**2) * dt + sigma * np.sqrt(dt) * z).sum(axis=1)
    return np.exp(logs)

out = run()
assert abs(out.mean() / (s0 * np.exp(mu * horizon)) - 1) < 0.02
times = []
for _ in range(repeats):
    t0 = time.perf_counter()
    run()
    times.append((time.perf_counter() - t0) * 1000)
times.sort()
print(json.dumps({"ms": times[len(times) // 2], "numpy": np.__version__}))
