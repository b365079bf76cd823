#!/usr/bin/env python3
"""Builds corpus.jsonl, the labelled corpus ClassifierCorpusTest measures the classifier on.

The rows are written by hand in attacks_<class>.txt and benign.txt, one per line ('⏎' stands for a line break),
from the shapes public collections show; no row is copied from them. Each attack row also appears as an attacker
would send it through a form: percent-encoded, HTML-escaped, in other case, inside a parameter or a sentence.
Benign rows also appear inside longer reports (steps, environment, sign-off), as real tickets do.

Rows are split by the row they come from, never by variant: about 30% of the written rows, and everything made
from them, are held out. Tune on `tuning`; the test's floors are checked on `held-out`.

Run it after editing a .txt file: python3 generate.py
"""
import hashlib
import json
import pathlib
import urllib.parse

HERE = pathlib.Path(__file__).parent
CLASSES = ["script", "sql", "command", "template", "path"]
HELD_OUT_PERCENT = 30


def rows(name):
    for line in (HERE / name).read_text(encoding="utf-8").split("\n"):
        if line.strip():
            yield line.replace("⏎", "\n")


def digest(text):
    return int(hashlib.sha256(text.encode("utf-8")).hexdigest(), 16)


def split_of(text):
    return "held-out" if digest(text) % 100 < HELD_OUT_PERCENT else "tuning"


def percent_encoded(text):
    return urllib.parse.quote(text, safe="")


def percent_special(text):
    return "".join(c if c.isalnum() else "%{:02X}".format(ord(c)) if ord(c) < 128 else c for c in text)


def html_escaped(text):
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;").replace("'", "&#39;")


def toggled_case(text):
    """Mixed case, as case-insensitive parsers accept; text with escapes (\\u003c) keeps its case, as they need it."""
    if "\\" in text:
        return text
    return "".join(c.upper() if i % 2 else c.lower() for i, c in enumerate(text))


CARRIERS = [
    "{}",
    "q={}",
    "search: {}",
    "{} test",
    "name={}",
    "hello {}",
    "id=1&sort={}",
    "feedback {}",
]

VARIANTS = [
    lambda t, k: t,
    lambda t, k: CARRIERS[k % len(CARRIERS)].format(t),
    lambda t, k: percent_special(t),
    lambda t, k: toggled_case(t),
    lambda t, k: percent_encoded(percent_encoded(t)),
    lambda t, k: html_escaped(t),
]

OPENERS = ["", "Hi team,\n", "Hello! ", "Bug report: ", "Quick question. ", "Hey, ", "URGENT: ", "Feedback: "]
STEPS = [
    "",
    "\n\nSteps to reproduce:\n1. Log in\n2. Open the page\n3. Click the button\n\nExpected: it works. Actual: nothing happens.",
    "\n\nBrowser: Chrome 124 on macOS 14.4\nAccount: acme-corp",
    "\n\nHappens every time, started after Tuesday's release.",
    "\n\nOS: Windows 11, app version 3.2.1 (build 4471)",
    "\n\n---\nSent from my iPhone",
    "\n\nThanks in advance!\nDana",
    "\n\nPriority: medium. Workaround: refresh the page.",
]


def attack_rows():
    for cls in CLASSES:
        for base in rows("attacks_{}.txt".format(cls)):
            split = split_of(base)
            seen = set()
            k = digest(base)
            for v in (0, 1 + k % (len(VARIANTS) - 1), 1 + (k // 7) % (len(VARIANTS) - 1)):
                text = VARIANTS[v](base, k)
                if text not in seen:
                    seen.add(text)
                    yield {"split": split, "label": cls, "text": text}


def benign_rows():
    for base in rows("benign.txt"):
        split = split_of(base)
        k = digest(base)
        yield {"split": split, "label": "benign", "text": base}
        for n in range(3):
            opener = OPENERS[(k >> (3 * n)) % len(OPENERS)]
            steps = STEPS[(k >> (3 * n + 11)) % len(STEPS)]
            text = opener + base + steps
            if text != base:
                yield {"split": split, "label": "benign", "text": text}


def main():
    out = [json.dumps(r, ensure_ascii=False) for r in list(attack_rows()) + list(benign_rows())]
    (HERE / "corpus.jsonl").write_text("\n".join(dict.fromkeys(out)) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
