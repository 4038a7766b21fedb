"""The benchmark's corpus generator and a smoke run of bench.run (no timing assertions)."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
import time
from pathlib import Path

from bench.generate import STYLES, generate
from transforms.extract import extract_document
from transforms.readers import read_document
from warehouse.seeds import SEED_DIR, load_reference

ROOT = Path(__file__).resolve().parent.parent


def _digest(folder: Path) -> dict[str, str]:
    return {f.name: hashlib.sha256(f.read_bytes()).hexdigest() for f in sorted(folder.iterdir())}


def test_generator_is_deterministic(tmp_path):
    a = generate(12, seed=7, out_dir=tmp_path / "a")
    b = generate(12, seed=7, out_dir=tmp_path / "b")
    generate(12, seed=8, out_dir=tmp_path / "c")
    assert a == b
    assert _digest(tmp_path / "a") == _digest(tmp_path / "b")
    assert _digest(tmp_path / "a") != _digest(tmp_path / "c")
    assert {r.style for r in a} == set(STYLES)
    assert all(r.n_entries > 0 and r.n_bytes > 3000 for r in a)


def test_generated_reports_extract_to_the_entries_written(tmp_path):
    written = generate(16, seed=3, out_dir=tmp_path)
    ref = load_reference(SEED_DIR)
    for r in written:
        doc = read_document(r.name, (tmp_path / r.name).read_bytes())
        tables = extract_document(doc, ref, file_id="f", report_id="r", file_name=r.name)
        assert tables["events"].num_rows == r.n_entries, r.name
        assert tables["participants"].num_rows > 0, r.name


def test_generated_chronologies_are_realistic(tmp_path):
    written = generate(8, seed=1, out_dir=tmp_path)
    chronologies = [r for r in written if r.style != "digest"]
    assert all(40 <= r.n_entries <= 80 for r in chronologies)
    texts = [(tmp_path / r.name).read_text(encoding="utf-8") for r in written]
    assert any("**" in t and "](#)" in t for t in texts)  # PDF-conversion Markdown
    assert any("<article" in t and "<li><strong>" in t for t in texts)  # HTML
    assert any("Two days later" in t for t in texts)  # digest continuation sentences
    assert any("%" in t for t in texts) and any("billion" in t for t in texts)  # metrics sentences


def test_bench_run_smoke(tmp_path):
    out = tmp_path / "results"
    proc = subprocess.run([sys.executable, "-m", "bench.run", "--n", "20", "--out", str(out),
                           "--work", str(tmp_path / "work"), "--batch-size", "10"],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    results = list(out.glob("*-n20.json"))
    assert len(results) == 1
    r = json.loads(results[0].read_text())
    for key in ("n", "corpus", "startup", "flow", "noop_rerun", "floor", "flow_floor_ratio", "peak_rss_mb",
                "targets"):
        assert key in r
    assert set(r["flow"]["stages"]) >= {"discover", "read", "extract", "parquet", "validate", "load"}
    assert r["flow"]["files_loaded"] + r["flow"]["files_duplicate"] == 20
    assert r["noop_rerun"]["files_new"] == 0
    assert r["floor"]["rows"] == r["flow"]["rows_total"]
    assert "reports/s" in proc.stdout
    cpu = r["flow"]["cpu"]
    assert cpu["flow_process_s"] > 0 and cpu["children_s"] > 0  # the pool extracted: it used CPU
    assert 0 < cpu["cores_busy"] <= r["machine"]["cpus"] + 0.5


def test_peak_memory_sampler_sees_a_child_and_reads_pss_only_near_the_peak():
    from bench.run import PeakRSS

    hold = "import time; b = bytearray(300 * 2**20); b[::4096] = b'x' * len(b[::4096]); time.sleep(3)"
    with PeakRSS(interval=0.05) as mem:
        before = mem.peak
        subprocess.run([sys.executable, "-c", hold], check=True, timeout=60)
        time.sleep(0.5)  # only this process's memory now: RSS stays under the peak, PSS isn't read
    assert mem.peak - before > 250 * 2**20  # the child's 300 MB, touched page by page
    assert mem.peak <= mem.peak_rss  # PSS never exceeds RSS
    assert 1 <= mem.pss_samples < mem.samples
    assert mem.cpu_s > 0
