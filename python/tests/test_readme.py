"""The Python examples of the READMEs run as written."""

import re

import pytest

from conftest import ROOT

BLOCK = re.compile(r"```python\n(.*?)```", re.S)


@pytest.mark.parametrize("readme", ["README.md", "python/README.md"])
def test_readme_python_examples_run(readme):
    blocks = BLOCK.findall((ROOT / readme).read_text(encoding="utf-8"))
    assert blocks, f"{readme} has no Python example"
    for code in blocks:
        exec(compile(code, readme, "exec"), {})
