"""A small web app that shows a random cat picture (the classic Docker tutorial app)."""
import random

from flask import Flask, render_template

app = Flask(__name__)

IMAGES = [
    "https://upload.wikimedia.org/wikipedia/commons/4/4d/Cat_November_2010-1a.jpg",
    "https://upload.wikimedia.org/wikipedia/commons/b/bb/Kittyply_edit1.jpg",
    "https://upload.wikimedia.org/wikipedia/commons/6/68/Orange_tabby_cat_sitting_on_fallen_leaves-Hisashi-01A.jpg",
]


@app.route("/")
def index():
    return render_template("index.html", url=random.choice(IMAGES))


if __name__ == "__main__":
    app.run(host="0.0.0.0", port=5000)
