"""Train and verify a logarithmic reach-avoid supermartingale for a benchmark model."""
import argparse

import jax
import jax.numpy as jnp

from lograsm.models import LinearSystem
from lograsm.certificate import train_certificate


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--model", default="LinearSystem")
    parser.add_argument("--probability_bound", type=float, default=0.9999)
    parser.add_argument("--steps", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()

    key = jax.random.PRNGKey(args.seed)
    model = LinearSystem()
    params, loss = train_certificate(key, model, args.steps)
    print(f"devices={jax.devices()} final_loss={float(loss):.6f} bound={args.probability_bound}")
    print("certificate norm:", float(jnp.linalg.norm(params["w"])))


if __name__ == "__main__":
    main()
