"""Benchmark dynamical systems."""
import jax.numpy as jnp


class LinearSystem:
    """x' = A x + w with a small additive disturbance."""

    def __init__(self) -> None:
        self.A = jnp.array([[1.0, 0.045], [0.0, 0.9]])
        self.noise = 0.01

    def step(self, x, w):
        return self.A @ x + self.noise * w
