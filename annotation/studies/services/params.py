"""A kind's parameters: JSON checked field by field into its frozen dataclass, and described
for the start form and the `kinds` endpoint.

This is the one place parameters are validated: the API, the command and `study_create` all
parse through `params_parse`, whose errors name the field (Django's ValidationError, which the
API's exception handler turns into a 400).
"""

import dataclasses
import json
import types
from typing import Any, Literal, Union, get_args, get_origin, get_type_hints

from django.core.exceptions import ValidationError


class _Invalid(ValueError):
    pass


def _coerce(hint: Any, value: Any) -> Any:
    """The value as the field's type holds it (lists become tuples), or _Invalid saying why."""
    origin, args = get_origin(hint), get_args(hint)
    if origin in (Union, types.UnionType):
        if value is None and type(None) in args:
            return None
        (inner,) = [a for a in args if a is not type(None)]
        return _coerce(inner, value)
    if origin is Literal:
        if value not in args:
            raise _Invalid(f"Choose one of {', '.join(map(str, args))}.")
        return value
    if hint is bool:
        if not isinstance(value, bool):
            raise _Invalid("Give true or false.")
        return value
    if hint is int:
        if not isinstance(value, int) or isinstance(value, bool):
            raise _Invalid("Give a whole number.")
        return value
    if hint is float:
        if not isinstance(value, int | float) or isinstance(value, bool):
            raise _Invalid("Give a number.")
        return float(value)
    if hint is str:
        if not isinstance(value, str):
            raise _Invalid("Give text.")
        return value
    if origin in (tuple, list):
        if not isinstance(value, list | tuple):
            raise _Invalid("Give a list.")
        items = []
        for index, item in enumerate(value):
            try:
                items.append(_coerce(args[0], item))
            except _Invalid as exc:
                raise _Invalid(f"Item {index + 1}: {exc}") from exc
        return tuple(items) if origin is tuple else items
    if origin is dict:
        if not isinstance(value, dict) or not all(isinstance(k, str) for k in value):
            raise _Invalid("Give an object with text keys.")
        return {k: _coerce(args[1], v) for k, v in value.items()}
    raise TypeError(f"Study parameters cannot have the type {hint!r}.")


def params_parse(params_class: type, data: Any) -> Any:
    """The kind's parameters from JSON, defaults filled in.

    Unknown and ill-typed fields are refused by name; the dataclass's own checks (ranges,
    references) may raise ValidationError by field themselves, or ValueError for the whole.
    """
    if not isinstance(data, dict):
        raise ValidationError({"params": "Give the parameters as a JSON object."})
    fields = {f.name: f for f in dataclasses.fields(params_class) if f.init}
    hints = get_type_hints(params_class)
    errors: dict[str, str] = {
        name: f"Not a parameter of this kind; it has {', '.join(fields)}."
        for name in sorted(set(data) - set(fields))
    }
    values: dict[str, Any] = {}
    for name, spec in fields.items():
        if name not in data:
            if spec.default is dataclasses.MISSING and spec.default_factory is dataclasses.MISSING:
                errors[name] = "This parameter is required."
            continue
        try:
            values[name] = _coerce(hints[name], data[name])
        except _Invalid as exc:
            errors[name] = str(exc)
    if errors:
        raise ValidationError(errors)
    try:
        return params_class(**values)
    except ValidationError:
        raise
    except ValueError as exc:
        raise ValidationError({"params": str(exc)}) from exc


def params_json(params: Any) -> dict[str, Any]:
    """The parameters as stored on the study: plain JSON, tuples as lists."""
    data: dict[str, Any] = json.loads(json.dumps(dataclasses.asdict(params)))
    return data


def _type_name(hint: Any) -> dict[str, Any]:
    origin, args = get_origin(hint), get_args(hint)
    if origin in (Union, types.UnionType):
        (inner,) = [a for a in args if a is not type(None)]
        return {**_type_name(inner), "nullable": True}
    if origin is Literal:
        return {"type": "string", "choices": list(args)}
    if origin in (tuple, list):
        return {"type": "list", "items": _type_name(args[0])["type"]}
    if origin is dict:
        return {"type": "object"}
    names = {bool: "boolean", int: "integer", float: "number", str: "string"}
    return {"type": names[hint]}


def params_describe(params_class: type) -> list[dict[str, Any]]:
    """Each field: name, type (integer, number, boolean, string, list of items, object),
    choices, whether it may be null, its default and its help, for generated forms."""
    hints = get_type_hints(params_class)
    described = []
    for spec in dataclasses.fields(params_class):
        if not spec.init:
            continue
        default = (
            spec.default_factory()
            if spec.default_factory is not dataclasses.MISSING
            else None
            if spec.default is dataclasses.MISSING
            else spec.default
        )
        described.append(
            {
                "name": spec.name,
                **{"choices": None, "items": None, "nullable": False},
                **_type_name(hints[spec.name]),
                "default": json.loads(json.dumps(default)),
                "required": spec.default is dataclasses.MISSING
                and spec.default_factory is dataclasses.MISSING,
                "help": spec.metadata.get("help", ""),
            }
        )
    return described
