from enum import StrEnum


class TypeEnum(StrEnum):
    BOOLEAN = "boolean"
    INTEGER = "integer"
    LIST = "list"
    NUMBER = "number"
    OBJECT = "object"
    STRING = "string"

    def __str__(self) -> str:
        return str(self.value)
