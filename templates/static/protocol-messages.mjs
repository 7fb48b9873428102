// Every message between a calculator page and its Python worker is made and read through these
// two functions, which check it against its declaration in calc/protocol.py (the generated
// protocol.mjs): a message with a field the declaration does not list, or without one it lists,
// is a bug and throws at once.
import { MESSAGE_FIELDS } from "./protocol.mjs";

function check(type, fields) {
  const expected = MESSAGE_FIELDS[type];
  if (!Array.isArray(expected)) throw new Error(`unknown message type ${JSON.stringify(type)} (see calc/protocol.py)`);
  const names = Object.keys(fields).filter((name) => name !== "type");
  if (names.length !== expected.length || !expected.every((name) => names.includes(name))) {
    throw new Error(`message ${type}: fields [${names}] do not match calc/protocol.py [${expected}]`);
  }
}

/** A message of the given type (a MESSAGE constant), ready for postMessage. */
export function message(type, fields) {
  check(type, fields);
  return { type, ...fields };
}

/** A message received, checked against the declaration. */
export function received(data) {
  check(data && data.type, data || {});
  return data;
}
