"""The package as a user gets it: the wheel in a fresh virtual environment without extras, and the Docker image."""
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
QUESTION = "Siapa Plt Sekda Kalteng yang hadir di rakor IPDN?"
HEAVY = ("torch", "sentence_transformers", "transformers", "scipy")


def clean_env(**extra) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "PYTHONPATH", "PYTHONHOME")}
    return {**env, **extra}


def run(args, **kw):
    result = subprocess.run(args, capture_output=True, text=True, **kw)
    assert result.returncode == 0, f"{args}\n{result.stdout[-2000:]}\n{result.stderr[-3000:]}"
    return result


@pytest.mark.packaging
def test_the_wheel_without_extras_answers_with_a_citation_and_has_no_torch(tmp_path):
    """Build the wheel, install it (from PyPI, no extras) into a new venv, use it from outside the checkout."""
    wheels = tmp_path / "wheels"
    run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", str(ROOT), "-w", str(wheels)],
        env=clean_env(), timeout=600)
    wheel, = wheels.glob("kabar-*.whl")
    venv = tmp_path / "venv"
    run([sys.executable, "-m", "venv", str(venv)], timeout=300)
    python, kabar = venv / "bin" / "python", venv / "bin" / "kabar"
    run([str(python), "-m", "pip", "install", "--quiet", str(wheel)], env=clean_env(), timeout=1200)

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    present = run([str(python), "-c", "import importlib.util, json; print(json.dumps("
                   f"{{m: importlib.util.find_spec(m) is not None for m in {HEAVY!r}}}))"], cwd=elsewhere).stdout
    assert json.loads(present) == {m: False for m in HEAVY}

    env = clean_env(KABAR_HOME=str(tmp_path / "home"))
    env.pop("KABAR_MODEL", None)
    where = run([str(python), "-c", "import bot; print(bot.__file__)"], cwd=elsewhere, env=env).stdout
    assert str(venv) in where and str(ROOT) not in where          # the installed copy, not the checkout
    ingest = run([str(kabar), "ingest", "--sample"], cwd=elsewhere, env=env, timeout=1200)
    assert re.search(r"^[1-9]\d* added, 0 updated, 0 unchanged, 0 failed$", ingest.stdout, re.M), ingest.stdout
    answer = json.loads(run([str(kabar), "ask", "--json", QUESTION], cwd=elsewhere, env=env, timeout=300).stdout)
    assert answer["abstained"] is False and "[1]" in answer["answer"]
    assert answer["citations"][0]["article_id"] == "sample-001" and answer["citations"][0]["url"].startswith("http")
    plain = run([str(kabar), "ask", QUESTION], cwd=elsewhere, env=env, timeout=300).stdout
    assert "[1]" in plain and "Sumber:" in plain

    doctor = run([str(kabar), "doctor"], cwd=elsewhere, env=env, timeout=300).stdout
    assert doctor.count("FAIL") == 0 and re.search(r"^ok\s+answerable", doctor, re.M), doctor   # its file ships
    missing = subprocess.run([str(kabar), "ask", QUESTION], cwd=elsewhere, capture_output=True, text=True,
                             env={**env, "KABAR_MODEL": "st:some-model"}, timeout=300)
    assert missing.returncode == 1 and "kabar[sentence-transformers]" in missing.stderr
    assert "Traceback" not in missing.stderr


def docker_engine() -> str | None:
    """Why `docker build` cannot run here, or None."""
    if not shutil.which("docker"):
        return "no docker client"
    info = subprocess.run(["docker", "info", "--format", "{{.ServerVersion}}"], capture_output=True, text=True,
                          timeout=60)
    if info.returncode != 0:
        return "the docker client finds no engine to build with (docker info failed)"
    return None


@pytest.mark.packaging
def test_docker_image_builds_runs_as_non_root_with_a_health_check():
    if reason := docker_engine():
        pytest.skip(reason)
    tag = "kabar-test:packaging"
    run(["docker", "build", "-t", tag, str(ROOT)], timeout=1800)
    try:
        config = json.loads(run(["docker", "image", "inspect", tag]).stdout)[0]["Config"]
        assert config["User"] == "kabar" and config["Env"] and "KABAR_HOME=/data" in config["Env"]
        assert "/data" in config["Volumes"] and "doctor" in " ".join(config["Healthcheck"]["Test"])
        version = run(["docker", "run", "--rm", tag, "kabar", "--version"], timeout=300).stdout
        assert "kabar" in version
        torch = subprocess.run(["docker", "run", "--rm", tag, "python", "-c", "import torch"], capture_output=True,
                               timeout=300)
        assert torch.returncode != 0
    finally:
        subprocess.run(["docker", "image", "rm", "-f", tag], capture_output=True, timeout=300)
