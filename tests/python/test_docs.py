"""Every public class, function, method and property carries documentation."""

import inspect
import re

import samverkan._core as core


SIGNATURE = re.compile(r"^\s*(\d+\.\s+)?[A-Za-z_][A-Za-z_0-9]*\(.*\)( -> .*)?$")


def documented(obj) -> bool:
    # pybind11 puts the signatures first (numbered for overloads); some text
    # beyond them is the documentation.
    doc = inspect.getdoc(obj) or ""
    return any(line.strip() and not SIGNATURE.match(line) and line.strip() != "Overloaded function."
               for line in doc.splitlines())


def public_members():
    for name, obj in vars(core).items():
        if name.startswith("_") or not (inspect.isclass(obj) or callable(obj)):
            continue
        yield name, obj
        if inspect.isclass(obj) and not issubclass(obj, BaseException):
            for member_name, member in vars(obj).items():
                if member_name.startswith("_") or isinstance(member, obj):
                    continue  # enum values are documented by their enum
                if member_name in {"name", "value"}:
                    continue  # pybind11's own enum properties
                yield f"{name}.{member_name}", member


def test_everything_public_is_documented():
    missing = [name for name, obj in public_members() if not documented(obj)]
    assert missing == []


def test_constructor_arguments_are_documented():
    init = inspect.getdoc(core.Meeting.__init__)
    for field in ["id", "body", "date", "attendance", "items", "provenance"]:
        assert f"    {field}: " in init
