"""Arrows point one way: bot -> index -> corpus; only bot imports telegram (design.md)."""
import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FORBIDDEN = {"corpus": {"index", "bot", "telegram", "faiss"}, "index": {"bot", "telegram"}}


def test_packages_import_only_downwards():
    offences = []
    for package, banned in FORBIDDEN.items():
        for path in (ROOT / package).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text())):
                names = [a.name for a in node.names] if isinstance(node, ast.Import) else (
                    [node.module] if isinstance(node, ast.ImportFrom) and node.module and not node.level else [])
                offences += [f"{path.relative_to(ROOT)} imports {n}" for n in names if n.split(".")[0] in banned]
    assert offences == []
