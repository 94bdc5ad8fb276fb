import urllib.request

URL = "https://example.org/data/train.csv"

def fetch():
    urllib.request.urlretrieve(URL, "train.csv")
