import { describe, expect, it } from "vitest";
import { isTextEntry } from "./keyboard";

function input(type: string): HTMLInputElement {
  const element = document.createElement("input");
  element.type = type;
  return element;
}

describe("isTextEntry", () => {
  it("is true for fields that take typed text, and false for clicked controls", () => {
    for (const type of ["text", "search", "email", "number", "password"]) expect(isTextEntry(input(type))).toBe(true);
    expect(isTextEntry(document.createElement("textarea"))).toBe(true);
    expect(isTextEntry(document.createElement("select"))).toBe(true);

    for (const type of ["checkbox", "radio", "range", "submit"]) expect(isTextEntry(input(type))).toBe(false);
    expect(isTextEntry(document.createElement("button"))).toBe(false);
    expect(isTextEntry(document.body)).toBe(false);
    expect(isTextEntry(null)).toBe(false);
  });
});
