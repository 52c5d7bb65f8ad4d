/**
 * Makes protobufjs decode 64-bit fields as JavaScript numbers instead of Long objects. Our 64-bit
 * fields are microsecond and millisecond timestamps, far below 2^53. This module must be imported
 * before the generated code, because the generated prototypes read util.Long when they load.
 */
import protobuf from "protobufjs/minimal.js";

protobuf.util.Long = undefined as unknown as typeof protobuf.util.Long;
protobuf.configure();
