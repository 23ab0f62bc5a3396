"""Every environment variable the installed code reads is documented in the README's configuration table."""
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("corpus", "index", "bot")
# os.environ.get("X"), os.environ["X"], os.getenv("X"), os.environ.setdefault("X", ...), env.get("X") (settings)
READS = re.compile(r"""(?:environ\.get|environ\.setdefault|getenv|\benv\.get)\(\s*["']([A-Z][A-Z0-9_]+)["']"""
                   r"""|environ\[\s*["']([A-Z][A-Z0-9_]+)["']\s*\]""")


def variables_read() -> dict[str, str]:
    found = {}
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            for match in READS.finditer(path.read_text(encoding="utf-8")):
                found.setdefault(match.group(1) or match.group(2), str(path.relative_to(ROOT)))
    return found


def readme_table() -> set[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("\n## Configuration", 1)[1].split("\n## ", 1)[0]
    return {name for row in section.splitlines() if row.startswith("| `")
            for name in re.findall(r"`([A-Z][A-Z0-9_]+)`", row.split("|")[1])}


def test_the_scan_sees_the_settings_it_must():
    found = variables_read()
    for name in ("KABAR_HOME", "KABAR_MODEL", "KABAR_EMBED_BATCH", "TELEGRAM_BOT_TOKEN", "PORT",
                 "KABAR_ALLOW_PRIVATE_URLS"):
        assert name in found, name


def test_every_variable_the_code_reads_is_in_the_readme_table():
    missing = {name: where for name, where in variables_read().items() if name not in readme_table()}
    assert missing == {}, f"add these to README.md's Configuration table: {missing}"


def test_the_readme_table_names_no_variable_the_code_does_not_read():
    assert readme_table() - set(variables_read()) == set()
