export { createSelfSignedCertificate, type TlsMaterial } from "./certificate.js";
export type { ActiveFault, FaultKind, FaultRule, FaultRules } from "./faults.js";
export { startFakeGraph, type FakeGraph, type FakeGraphOptions } from "./server.js";
export type { BusyBlock, FakeGraphState, RequestRecord, StoredEvent, StoredMail } from "./state.js";
