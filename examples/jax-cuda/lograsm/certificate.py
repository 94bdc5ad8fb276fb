"""A tiny quadratic certificate trained by gradient descent."""
import jax
import jax.numpy as jnp


def _loss(params, model, key):
    xs = jax.random.uniform(key, (256, 2), minval=-1.0, maxval=1.0)
    ws = jax.random.normal(key, (256, 2))
    v = lambda x: jnp.sum((params["w"] @ x) ** 2)
    now = jax.vmap(v)(xs)
    nxt = jax.vmap(lambda x, w: v(model.step(x, w)))(xs, ws)
    return jnp.mean(jax.nn.relu(nxt - now + 1e-3))


def train_certificate(key, model, steps):
    params = {"w": jnp.eye(2)}
    grad = jax.jit(jax.value_and_grad(_loss), static_argnums=1)
    loss = jnp.inf
    for i in range(steps):
        key, sub = jax.random.split(key)
        loss, g = grad(params, model, sub)
        params = {"w": params["w"] - 0.01 * g["w"]}
    return params, loss
