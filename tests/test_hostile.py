"""Bad and hostile input: every input gets its row, nothing crashes, nothing reaches the network, nothing
escapes the output folder, and the same inputs give the same bytes."""
from __future__ import annotations

import csv
import json
import os
import socket
import subprocess
import sys
import time

import pytest

from conftest import REFERENCE_DATE, ROOT

KINDS = 24


def bad_document(i: int, folder) -> int:
    """Write the i-th bad or hostile input; return how many documents it holds."""
    kind = i % KINDS
    base = folder / f"d{i:05d}"
    if kind == 0:
        (base.with_suffix(".txt")).write_bytes(b"")
    elif kind == 1:
        (base.with_suffix(".txt")).write_bytes(b" \n\t \r\n ")
    elif kind == 2:
        (base.with_suffix(".txt")).write_bytes(bytes(range(256)) * (i % 7 + 1))
    elif kind == 3:  # bigger than the test's --max-bytes
        (base.with_suffix(".txt")).write_text("Date: May 2, 2019\n\n" + "President Obama spoke. " * 400)
    elif kind == 4:
        (base.with_suffix(".txt")).write_bytes("Date: May 2, 2019\n\nEl café reabrió; Peña Nieto habló.\n".encode("cp1252"))
    elif kind == 5:
        (base.with_suffix(".txt")).write_bytes("Fecha: 2 de mayo de 2019\n\nAñoranza del señor.\n".encode("utf-16"))
    elif kind == 6:
        (base.with_suffix(".txt")).write_bytes(b"Date: May 2, 2019\n\nBroken \xc3\x28 utf-8 \xff\xfe here.\n")
    elif kind == 7:
        (base.with_suffix(".md")).write_text("---\ndate: [2019\ntitle: 'unclosed\n---\nBody text.\n")
    elif kind == 8:
        (base.with_suffix(".md")).write_text("---\ndate: 2019-05-02\nno closing fence\nBody.\n")
    elif kind == 9:
        (base.with_suffix(".json")).write_text('{"title": "x", "text": "unterminated')
    elif kind == 10:
        (base.with_suffix(".jsonl")).write_text('{"id": "a", "text": "One."}\n{bad\n[1, 2]\n{"id": "b", "text": "Two."}\n')
        return 4
    elif kind == 11:
        (base.with_suffix(".txt")).write_text("Release Date: February 30, 2024\n\nThe council met.\n")
    elif kind == 12:
        (base.with_suffix(".txt")).write_text("Date: March 3, 2999\n\nPresident Obama met the council.\n")
    elif kind == 13:
        (base.with_suffix(".txt")).write_text("Date: January 1, 0001\n\nThe council met.\n")
    elif kind == 14:
        (base.with_suffix(".txt")).write_text("Date: May 2, 2019\n\nSecretary Pom\u200bpeo \u202emet\u202c the \u2066minister\u2069.\n")
    elif kind == 15:  # one long line
        (base.with_suffix(".txt")).write_text("President Obama " + "and Secretary Kerry " * 5000 + "\n")
    elif kind == 16:
        os.symlink(folder / "does-not-exist.txt", base.with_suffix(".txt"))
    elif kind == 17:  # text that punishes naive regular expressions
        (base.with_suffix(".txt")).write_text("Date: " + "1" * 5000 + "\n\n" + "a" * 20000 + "!" + " ," * 5000 + "\n")
    elif kind == 18:
        (base.with_suffix(".html")).write_text('<html><head><script>alert(1)</script></head><body>"><img src=x '
                                               'onerror=alert(1)><p>President Obama spoke.</p></body></html>')
    elif kind == 19:
        (base.with_suffix(".json")).write_text(json.dumps({"id": "../../escape", "title": "../../../etc/passwd",
                                                           "date": "not a date", "text": "Content " * 10}))
    elif kind == 20:
        (base.with_suffix(".json")).write_text("[" * 5000 + "]" * 5000)
    elif kind == 21:
        (base.with_suffix(".md")).write_text("---\n" + "a: &x [*x, *x]\n" * 3 + "---\nBody.\n")
    elif kind == 22:  # a feed whose entities expand a billion times
        lols = "".join(f'<!ENTITY l{k} "{("&l%d;" % (k - 1) if k > 1 else "lol") * 10}">' for k in range(1, 10))
        (base.with_suffix(".rss")).write_text(f'<?xml version="1.0"?><!DOCTYPE r [{lols}]><rss><channel><item>'
                                              f'<title>x</title><description>&l9;</description></item></channel></rss>')
    else:  # a feed that asks for a local file and for the network: neither is read
        (base.with_suffix(".atom")).write_text(
            '<?xml version="1.0"?><!DOCTYPE f [<!ENTITY p SYSTEM "file:///etc/passwd"><!ENTITY n SYSTEM '
            '"http://example.invalid/x">]><feed xmlns="http://www.w3.org/2005/Atom"><entry><id>a</id><title>One</title>'
            '<summary>Secret: &p;</summary></entry><entry><id>b</id><title>Two</title><summary>Net: &n;</summary>'
            '</entry></feed>')
        return 2
    return 1


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    expected = sum(bad_document(i, folder) for i in range(1100))
    return folder, expected


def test_a_thousand_bad_documents_each_get_a_row(hostile, tmp_path):
    folder, expected = hostile
    out = tmp_path / "out"
    r = subprocess.run([sys.executable, "-m", "checker.cli", "audit", str(folder), "--out", str(out), "--jobs", "2",
                        "--reference-date", REFERENCE_DATE.isoformat(), "--max-bytes", "4000", "--format", "json"],
                       capture_output=True, text=True, cwd=ROOT, timeout=900)
    assert r.returncode == 1, r.stderr[-3000:]  # unreadable inputs are error findings
    assert "Traceback" not in r.stderr, r.stderr[-3000:]
    docs = list(csv.DictReader(open(out / "documents.csv", encoding="utf-8")))
    assert len(docs) == expected
    assert len({d["doc_id"] for d in docs}) == expected
    verdicts = {d["verdict"] for d in docs}
    assert "unreadable" in verdicts and "undated" in verdicts
    finds = list(csv.DictReader(open(out / "findings.csv", encoding="utf-8")))
    codes = {f["rule_id"] for f in finds}
    assert {"IN001", "IN002", "IN003", "IN006", "IN007", "DT110"} <= codes
    assert "IN004" not in codes, [f["message"] for f in finds if f["rule_id"] == "IN004"][:3]
    assert not [f for f in finds if "root:" in f["evidence"] + f["message"]]  # a feed's entity read no local file
    # the tables, the report asked for, and the mark that keeps a later `checker audit .` out of this folder
    assert sorted(p.name for p in out.iterdir()) == [".checker-output", "audit.json", "documents.csv", "findings.csv"]


def test_same_inputs_same_bytes(tmp_path):
    outs = []
    for n in (1, 2):
        out = tmp_path / f"out{n}"
        subprocess.run([sys.executable, "-m", "checker.cli", "audit", str(ROOT / "samples" / "docs"), "--out", str(out),
                        "--reference-date", REFERENCE_DATE.isoformat(), "--format", "text", "--format", "json",
                        "--jobs", str(n)], capture_output=True, cwd=ROOT, timeout=600)
        outs.append({p.name: p.read_bytes() for p in sorted(out.iterdir())})
    assert outs[0] == outs[1] and len(outs[0]) >= 4


def test_no_network_needed(monkeypatch, check_text):
    def refuse(*args, **kwargs):
        raise AssertionError("the checker tried to open a network connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    from checker.config import Settings
    from checker.engine import audit

    result = audit([str(ROOT / "samples" / "docs")], Settings(reference_date=REFERENCE_DATE))
    assert len(result.documents) > 10
    row, _ = check_text("Date: May 2, 2019\n\nSecretary Pompeo met Foreign Secretary Marcelo Ebrard.\n")
    assert row["verdict"] == "consistent"


def test_pathological_megabyte_stops_at_the_time_budget(check_text):
    para = "President Obama and Secretary Kerry met Foreign Secretary Meade on May 2, 2014, and on Friday, May 3. "
    text = "Date: May 2, 2014\n\n" + "\n\n".join(para * 10 for _ in range(1000))
    assert len(text) > 1_000_000
    t = time.perf_counter()
    row, findings = check_text(text, time_budget=0.5)
    elapsed = time.perf_counter() - t
    budget = [f for f in findings if f["rule_id"] == "IN005"]
    assert budget and "time budget" in budget[0]["message"]
    assert elapsed < 10, elapsed  # the budget bounds the analysis; the rules then read the whole text once
