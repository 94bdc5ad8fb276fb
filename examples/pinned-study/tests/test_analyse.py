import numpy as np
import pandas as pd

from study.analyse import fit, hill


def test_fit_recovers_known_ec50():
    dose = np.geomspace(0.01, 100, 24)
    frame = pd.DataFrame({"dose": dose, "response": hill(dose, 0.0, 100.0, 2.5, 1.2)})
    assert abs(fit(frame)[2] - 2.5) < 1e-3
