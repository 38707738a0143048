"""Writes pybind11 static methods into a stubgen stub as @staticmethod.

mypy 1.0's stubgen (Debian 12's) writes a pybind11 static method as
`def name(self, *args, **kwargs) -> Any`, which types Corpus.load("x") as an
error. This rewrites exactly those lines from the signatures in the methods'
docstrings, using mypy's own docstring parser, so the result is as
deterministic as stubgen's. Usage: python stubs_staticmethods.py STUB.pyi
"""

import inspect
import re
import sys

from mypy.stubdoc import infer_sig_from_docstring

import samverkan._core as core

PREFIX = "samverkan._core."


def render(sig) -> str:
    args = ", ".join(
        f"{a.name}: {(a.type or 'Any').replace(PREFIX, '')}" + (" = ..." if a.default else "") for a in sig.args
    )
    return f"def {sig.name}({args}) -> {(sig.ret_type or 'Any').replace(PREFIX, '')}: ..."


def main(path: str) -> None:
    lines = open(path, encoding="utf-8").read().split("\n")
    current = None
    out = []
    for line in lines:
        header = re.match(r"class (\w+)", line)
        if header:
            current = getattr(core, header.group(1), None)
        stub = re.match(r"    def (\w+)\(self, \*args, \*\*kwargs\) -> Any: \.\.\.$", line)
        if stub and inspect.isclass(current) and isinstance(vars(current).get(stub.group(1)), staticmethod):
            name = stub.group(1)
            sigs = infer_sig_from_docstring(getattr(current, name).__doc__, name) or []
            if sigs:
                for sig in sigs:
                    if len(sigs) > 1:
                        out.append("    @overload")
                    out.append("    @staticmethod")
                    out.append("    " + render(sig))
                continue
        out.append(line)
    open(path, "w", encoding="utf-8").write("\n".join(out))


if __name__ == "__main__":
    main(sys.argv[1])
