import hashlib
import urllib.request

EXPECTED = "0" * 64

def fetch():
    urllib.request.urlretrieve("https://example.org/data/test.csv", "test.csv")
    assert hashlib.sha256(open("test.csv", "rb").read()).hexdigest() == EXPECTED
