import mlflow
import numpy as np

np.random.seed(42)


def train():
    with mlflow.start_run():
        return np.random.rand()
