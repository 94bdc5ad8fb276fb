"""Fit a Hill dose-response curve to the measurements and print EC50 with a bootstrap interval."""
import sys

import numpy as np
import pandas as pd
from scipy.optimize import curve_fit

SEED = 20241015


def hill(dose, bottom, top, ec50, slope):
    return bottom + (top - bottom) / (1.0 + (ec50 / dose) ** slope)


def fit(frame: pd.DataFrame):
    p0 = [frame.response.min(), frame.response.max(), frame.dose.median(), 1.0]
    params, _ = curve_fit(hill, frame.dose, frame.response, p0=p0, maxfev=10000)
    return params


def bootstrap_ec50(frame: pd.DataFrame, rounds: int = 200):
    rng = np.random.default_rng(SEED)
    estimates = []
    for _ in range(rounds):
        sample = frame.iloc[rng.integers(0, len(frame), len(frame))]
        estimates.append(fit(sample)[2])
    return np.percentile(estimates, [2.5, 97.5])


def main(path: str) -> None:
    frame = pd.read_csv(path)
    ec50 = fit(frame)[2]
    low, high = bootstrap_ec50(frame)
    print(f"EC50 = {ec50:.3f} (95% CI {low:.3f} to {high:.3f})")


if __name__ == "__main__":
    main(sys.argv[1])
