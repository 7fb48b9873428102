// The messages between a calculator page and its Python worker, checked against their one
// declaration: calc/protocol.py, which the build writes in below (read its docstring for the
// form states and the runtime's life). A message with a field the declaration does not list,
// or without one it lists, is a bug and throws at once.
export const PROTOCOL = /*PROTOCOL*/ null;

function check(type, fields) {
  const expected = PROTOCOL.messages[type];
  if (!expected) throw new Error(`unknown message type ${JSON.stringify(type)} (see calc/protocol.py)`);
  const names = Object.keys(fields).filter((name) => name !== "type");
  if (names.length !== expected.length || !expected.every((name) => names.includes(name))) {
    throw new Error(`message ${type}: fields [${names}] do not match calc/protocol.py [${expected}]`);
  }
}

/** A message of the given type, ready for postMessage. */
export function message(type, fields) {
  check(type, fields);
  return { type, ...fields };
}

/** A message received, checked against the declaration. */
export function received(data) {
  check(data && data.type, data || {});
  return data;
}
