/*eslint-disable block-scoped-var, id-length, no-control-regex, no-magic-numbers, no-mixed-operators, no-prototype-builtins, no-redeclare, no-shadow, no-var, sort-vars, default-case, jsdoc/require-param*/
import $protobuf from "protobufjs/minimal.js";

// Common aliases
const $Reader = $protobuf.Reader, $Writer = $protobuf.Writer, $util = $protobuf.util;
const $Object = $util.global.Object, $undefined = $util.global.undefined, $Error = $util.global.Error, $RangeError = $util.global.RangeError, $TypeError = $util.global.TypeError, $String = $util.global.String, $Number = $util.global.Number, $parseInt = $util.global.parseInt, $Boolean = $util.global.Boolean, $BigInt = $util.global.BigInt, $Array = $util.global.Array, $isFinite = $util.global.isFinite;

// Exported root namespace
const $root = $protobuf.roots["fieldchain-evidence"] || ($protobuf.roots["fieldchain-evidence"] = {});

export const fieldchain = $root.fieldchain = (() => {

    /**
     * Namespace fieldchain.
     * @exports fieldchain
     * @namespace
     */
    const fieldchain = {};

    fieldchain.evidence = (function() {

        /**
         * Namespace evidence.
         * @memberof fieldchain
         * @namespace
         */
        const evidence = {};

        evidence.v1 = (function() {

            /**
             * Namespace v1.
             * @memberof fieldchain.evidence
             * @namespace
             */
            const v1 = {};

            v1.EvidenceRecord = (function() {

                /**
                 * Properties of an EvidenceRecord.
                 * @typedef {Object} fieldchain.evidence.v1.EvidenceRecord.$Properties
                 * @property {string|null} [id] EvidenceRecord id
                 * @property {number|null} [chainSeq] EvidenceRecord chainSeq
                 * @property {Uint8Array|null} [prevHash] EvidenceRecord prevHash
                 * @property {string|null} [gatewayId] EvidenceRecord gatewayId
                 * @property {string|null} [workOrderId] EvidenceRecord workOrderId
                 * @property {string|null} [taskId] EvidenceRecord taskId
                 * @property {string|null} [checklistItemId] EvidenceRecord checklistItemId
                 * @property {string|null} [deliverableId] EvidenceRecord deliverableId
                 * @property {string|null} [technicianId] EvidenceRecord technicianId
                 * @property {fieldchain.evidence.v1.EvidenceRecord.Kind|null} [kind] EvidenceRecord kind
                 * @property {fieldchain.evidence.v1.DeviceIdentity.$Properties|null} [device] EvidenceRecord device
                 * @property {number|null} [deviceTimeUs] EvidenceRecord deviceTimeUs
                 * @property {number|null} [gatewayTimeMs] EvidenceRecord gatewayTimeMs
                 * @property {number|null} [clockSkewMs] EvidenceRecord clockSkewMs
                 * @property {string|null} [quantity] EvidenceRecord quantity
                 * @property {number|null} [value] EvidenceRecord value
                 * @property {string|null} [unit] EvidenceRecord unit
                 * @property {fieldchain.evidence.v1.Requirement.$Properties|null} [requirement] EvidenceRecord requirement
                 * @property {fieldchain.evidence.v1.EvidenceRecord.Outcome|null} [outcome] EvidenceRecord outcome
                 * @property {Uint8Array|null} [attachmentSha256] EvidenceRecord attachmentSha256
                 * @property {string|null} [attachmentMediaType] EvidenceRecord attachmentMediaType
                 * @property {number|null} [attachmentSize] EvidenceRecord attachmentSize
                 * @property {string|null} [text] EvidenceRecord text
                 * @property {fieldchain.evidence.v1.EvidenceRecord.SignerRole|null} [signerRole] EvidenceRecord signerRole
                 * @property {fieldchain.evidence.v1.EvidenceRecord.TimeQuality|null} [timeQuality] EvidenceRecord timeQuality
                 * @property {string|null} [timeSource] EvidenceRecord timeSource
                 * @property {fieldchain.evidence.v1.MonotonicAnchor.$Properties|null} [monotonic] EvidenceRecord monotonic
                 * @property {boolean|null} [deviceTimeImplausible] EvidenceRecord deviceTimeImplausible
                 * @property {number|null} [formatVersion] EvidenceRecord formatVersion
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */

                /**
                 * Properties of an EvidenceRecord.
                 * @memberof fieldchain.evidence.v1
                 * @interface IEvidenceRecord
                 * @augments fieldchain.evidence.v1.EvidenceRecord.$Properties
                 * @deprecated Use fieldchain.evidence.v1.EvidenceRecord.$Properties instead.
                 */

                /**
                 * Shape of an EvidenceRecord.
                 * @typedef {fieldchain.evidence.v1.EvidenceRecord.$Properties} fieldchain.evidence.v1.EvidenceRecord.$Shape
                 */

                /**
                 * Constructs a new EvidenceRecord.
                 * @memberof fieldchain.evidence.v1
                 * @classdesc Represents an EvidenceRecord.
                 * @constructor
                 * @param {fieldchain.evidence.v1.EvidenceRecord.$Properties=} [properties] Properties to set
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */
                const EvidenceRecord = function (properties) {
                    if (properties)
                        for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                /**
                 * EvidenceRecord id.
                 * @member {string} id
                 * @memberof fieldchain.evidence.v1.EvidenceRecord
                 * @instance
                 */
                EvidenceRecord.prototype.id = "";

                /**
                 * EvidenceRecord chainSeq.
                 * @member {number} chainSeq
                 * @memberof fieldchain.evidence.v1.EvidenceRecord
                 * @instance
                 */
                EvidenceRecord.prototype.chainSeq = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

                /**
                 * EvidenceRecord prevHash.
                 * @member {Uint8Array} prevHash
                 * @memberof fieldchain.evidence.v1.EvidenceRecord
                 * @instance
                 */
                EvidenceRecord.prototype.prevHash = $util.newBuffer([]);

                /**
                 * EvidenceRecord gatewayId.
                 * @member {string} gatewayId
                 * @memberof fieldchain.evidence.v1.EvidenceRecord
                 * @instance
                 */
                EvidenceRecord.prototype.gatewayId = "";

                /**
                 * EvidenceRecord workOrderId.
                 * @member {string} workOrderId
                 * @memberof fieldchain.evidence.v1.EvidenceRecord
                 * @instance
                 */
                EvidenceRecord.prototype.workOrderId = "";

                /**
                 * EvidenceRecord taskId.
                 * @member {string} taskId
                 * @memberof fieldchain.evidence.v1.EvidenceRecord
                 * @instance
                 */
                EvidenceRecord.prototype.taskId = "";

                /**
                 * EvidenceRecord checklistItemId.
                 * @member {string} checklistItemId
                 * @memberof fieldchain.evidence.v1.EvidenceRecord
                 * @instance
                 */
                EvidenceRecord.prototype.checklistItemId = "";

                /**
                 * EvidenceRecord deliverableId.
                 * @member {string} deliverableId
                 * @memberof fieldchain.evidence.v1.EvidenceRecord
                 * @instance
                 */
                EvidenceRecord.prototype.deliverableId = "";

                /**
                 * EvidenceRecord technicianId.
                 * @member {string} technicianId
                 * @memberof fieldchain.evidence.v1.EvidenceRecord
                 * @instance
                 */
                EvidenceRecord.prototype.technicianId = "";

                /**
                 * EvidenceRecord kind.
                 * @member {fieldchain.evidence.v1.EvidenceRecord.Kind} kind
                 * @memberof fieldchain.evidence.v1.EvidenceRecord
                 * @instance
                 */
                EvidenceRecord.prototype.kind = 0;

                /**
                 * EvidenceRecord device.
                 * @member {fieldchain.evidence.v1.DeviceIdentity.$Properties|null|undefined} device
                 * @memberof fieldchain.evidence.v1.EvidenceRecord
                 * @instance
                 */
                EvidenceRecord.prototype.device = null;

                /**
                 * EvidenceRecord deviceTimeUs.
                 * @member {number} deviceTimeUs
                 * @memberof fieldchain.evidence.v1.EvidenceRecord
                 * @instance
                 */
                EvidenceRecord.prototype.deviceTimeUs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

                /**
                 * EvidenceRecord gatewayTimeMs.
                 * @member {number} gatewayTimeMs
                 * @memberof fieldchain.evidence.v1.EvidenceRecord
                 * @instance
                 */
                EvidenceRecord.prototype.gatewayTimeMs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

                /**
                 * EvidenceRecord clockSkewMs.
                 * @member {number} clockSkewMs
                 * @memberof fieldchain.evidence.v1.EvidenceRecord
                 * @instance
                 */
                EvidenceRecord.prototype.clockSkewMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

                /**
                 * EvidenceRecord quantity.
                 * @member {string} quantity
                 * @memberof fieldchain.evidence.v1.EvidenceRecord
                 * @instance
                 */
                EvidenceRecord.prototype.quantity = "";

                /**
                 * EvidenceRecord value.
                 * @member {number} value
                 * @memberof fieldchain.evidence.v1.EvidenceRecord
                 * @instance
                 */
                EvidenceRecord.prototype.value = 0;

                /**
                 * EvidenceRecord unit.
                 * @member {string} unit
                 * @memberof fieldchain.evidence.v1.EvidenceRecord
                 * @instance
                 */
                EvidenceRecord.prototype.unit = "";

                /**
                 * EvidenceRecord requirement.
                 * @member {fieldchain.evidence.v1.Requirement.$Properties|null|undefined} requirement
                 * @memberof fieldchain.evidence.v1.EvidenceRecord
                 * @instance
                 */
                EvidenceRecord.prototype.requirement = null;

                /**
                 * EvidenceRecord outcome.
                 * @member {fieldchain.evidence.v1.EvidenceRecord.Outcome} outcome
                 * @memberof fieldchain.evidence.v1.EvidenceRecord
                 * @instance
                 */
                EvidenceRecord.prototype.outcome = 0;

                /**
                 * EvidenceRecord attachmentSha256.
                 * @member {Uint8Array} attachmentSha256
                 * @memberof fieldchain.evidence.v1.EvidenceRecord
                 * @instance
                 */
                EvidenceRecord.prototype.attachmentSha256 = $util.newBuffer([]);

                /**
                 * EvidenceRecord attachmentMediaType.
                 * @member {string} attachmentMediaType
                 * @memberof fieldchain.evidence.v1.EvidenceRecord
                 * @instance
                 */
                EvidenceRecord.prototype.attachmentMediaType = "";

                /**
                 * EvidenceRecord attachmentSize.
                 * @member {number} attachmentSize
                 * @memberof fieldchain.evidence.v1.EvidenceRecord
                 * @instance
                 */
                EvidenceRecord.prototype.attachmentSize = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

                /**
                 * EvidenceRecord text.
                 * @member {string} text
                 * @memberof fieldchain.evidence.v1.EvidenceRecord
                 * @instance
                 */
                EvidenceRecord.prototype.text = "";

                /**
                 * EvidenceRecord signerRole.
                 * @member {fieldchain.evidence.v1.EvidenceRecord.SignerRole} signerRole
                 * @memberof fieldchain.evidence.v1.EvidenceRecord
                 * @instance
                 */
                EvidenceRecord.prototype.signerRole = 0;

                /**
                 * EvidenceRecord timeQuality.
                 * @member {fieldchain.evidence.v1.EvidenceRecord.TimeQuality} timeQuality
                 * @memberof fieldchain.evidence.v1.EvidenceRecord
                 * @instance
                 */
                EvidenceRecord.prototype.timeQuality = 0;

                /**
                 * EvidenceRecord timeSource.
                 * @member {string} timeSource
                 * @memberof fieldchain.evidence.v1.EvidenceRecord
                 * @instance
                 */
                EvidenceRecord.prototype.timeSource = "";

                /**
                 * EvidenceRecord monotonic.
                 * @member {fieldchain.evidence.v1.MonotonicAnchor.$Properties|null|undefined} monotonic
                 * @memberof fieldchain.evidence.v1.EvidenceRecord
                 * @instance
                 */
                EvidenceRecord.prototype.monotonic = null;

                /**
                 * EvidenceRecord deviceTimeImplausible.
                 * @member {boolean} deviceTimeImplausible
                 * @memberof fieldchain.evidence.v1.EvidenceRecord
                 * @instance
                 */
                EvidenceRecord.prototype.deviceTimeImplausible = false;

                /**
                 * EvidenceRecord formatVersion.
                 * @member {number} formatVersion
                 * @memberof fieldchain.evidence.v1.EvidenceRecord
                 * @instance
                 */
                EvidenceRecord.prototype.formatVersion = 0;

                /**
                 * Creates a new EvidenceRecord instance using the specified properties.
                 * @function create
                 * @memberof fieldchain.evidence.v1.EvidenceRecord
                 * @static
                 * @param {fieldchain.evidence.v1.EvidenceRecord.$Properties=} [properties] Properties to set
                 * @returns {fieldchain.evidence.v1.EvidenceRecord} EvidenceRecord instance
                 * @type {{
                 *   (properties: fieldchain.evidence.v1.EvidenceRecord.$Shape): fieldchain.evidence.v1.EvidenceRecord & fieldchain.evidence.v1.EvidenceRecord.$Shape;
                 *   (properties?: fieldchain.evidence.v1.EvidenceRecord.$Properties): fieldchain.evidence.v1.EvidenceRecord;
                 * }}
                 */
                EvidenceRecord.create = function(properties) {
                    return new EvidenceRecord(properties);
                };

                /**
                 * Encodes the specified EvidenceRecord message. Does not implicitly {@link fieldchain.evidence.v1.EvidenceRecord.verify|verify} messages.
                 * @function encode
                 * @memberof fieldchain.evidence.v1.EvidenceRecord
                 * @static
                 * @param {fieldchain.evidence.v1.EvidenceRecord.$Properties} message EvidenceRecord message or plain object to encode
                 * @param {$protobuf.Writer} [writer] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                EvidenceRecord.encode = function (message, writer, _depth) {
                    if (!writer)
                        writer = $Writer.create();
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (message.id != null && $Object.hasOwnProperty.call(message, "id") && message.id !== "")
                        writer.uint32(/* id 1, wireType 2 =*/10).string(message.id);
                    if (message.chainSeq != null && $Object.hasOwnProperty.call(message, "chainSeq") && (typeof message.chainSeq === "object" ? message.chainSeq.low || message.chainSeq.high : message.chainSeq !== 0))
                        writer.uint32(/* id 2, wireType 0 =*/16).uint64(message.chainSeq);
                    if (message.prevHash != null && $Object.hasOwnProperty.call(message, "prevHash") && message.prevHash.length)
                        writer.uint32(/* id 3, wireType 2 =*/26).bytes(message.prevHash);
                    if (message.gatewayId != null && $Object.hasOwnProperty.call(message, "gatewayId") && message.gatewayId !== "")
                        writer.uint32(/* id 4, wireType 2 =*/34).string(message.gatewayId);
                    if (message.workOrderId != null && $Object.hasOwnProperty.call(message, "workOrderId") && message.workOrderId !== "")
                        writer.uint32(/* id 5, wireType 2 =*/42).string(message.workOrderId);
                    if (message.taskId != null && $Object.hasOwnProperty.call(message, "taskId") && message.taskId !== "")
                        writer.uint32(/* id 6, wireType 2 =*/50).string(message.taskId);
                    if (message.checklistItemId != null && $Object.hasOwnProperty.call(message, "checklistItemId") && message.checklistItemId !== "")
                        writer.uint32(/* id 7, wireType 2 =*/58).string(message.checklistItemId);
                    if (message.deliverableId != null && $Object.hasOwnProperty.call(message, "deliverableId") && message.deliverableId !== "")
                        writer.uint32(/* id 8, wireType 2 =*/66).string(message.deliverableId);
                    if (message.technicianId != null && $Object.hasOwnProperty.call(message, "technicianId") && message.technicianId !== "")
                        writer.uint32(/* id 9, wireType 2 =*/74).string(message.technicianId);
                    if (message.kind != null && $Object.hasOwnProperty.call(message, "kind") && message.kind !== 0)
                        writer.uint32(/* id 10, wireType 0 =*/80).int32(message.kind);
                    if (message.device != null && $Object.hasOwnProperty.call(message, "device"))
                        $root.fieldchain.evidence.v1.DeviceIdentity.encode(message.device, writer.uint32(/* id 11, wireType 2 =*/90).fork(), _depth + 1).ldelim();
                    if (message.deviceTimeUs != null && $Object.hasOwnProperty.call(message, "deviceTimeUs") && (typeof message.deviceTimeUs === "object" ? message.deviceTimeUs.low || message.deviceTimeUs.high : message.deviceTimeUs !== 0))
                        writer.uint32(/* id 12, wireType 0 =*/96).uint64(message.deviceTimeUs);
                    if (message.gatewayTimeMs != null && $Object.hasOwnProperty.call(message, "gatewayTimeMs") && (typeof message.gatewayTimeMs === "object" ? message.gatewayTimeMs.low || message.gatewayTimeMs.high : message.gatewayTimeMs !== 0))
                        writer.uint32(/* id 13, wireType 0 =*/104).uint64(message.gatewayTimeMs);
                    if (message.clockSkewMs != null && $Object.hasOwnProperty.call(message, "clockSkewMs") && (typeof message.clockSkewMs === "object" ? message.clockSkewMs.low || message.clockSkewMs.high : message.clockSkewMs !== 0))
                        writer.uint32(/* id 14, wireType 0 =*/112).sint64(message.clockSkewMs);
                    if (message.quantity != null && $Object.hasOwnProperty.call(message, "quantity") && message.quantity !== "")
                        writer.uint32(/* id 15, wireType 2 =*/122).string(message.quantity);
                    if (message.value != null && $Object.hasOwnProperty.call(message, "value") && !$Object.is(message.value, 0))
                        writer.uint32(/* id 16, wireType 1 =*/129).double(message.value);
                    if (message.unit != null && $Object.hasOwnProperty.call(message, "unit") && message.unit !== "")
                        writer.uint32(/* id 17, wireType 2 =*/138).string(message.unit);
                    if (message.requirement != null && $Object.hasOwnProperty.call(message, "requirement"))
                        $root.fieldchain.evidence.v1.Requirement.encode(message.requirement, writer.uint32(/* id 18, wireType 2 =*/146).fork(), _depth + 1).ldelim();
                    if (message.outcome != null && $Object.hasOwnProperty.call(message, "outcome") && message.outcome !== 0)
                        writer.uint32(/* id 19, wireType 0 =*/152).int32(message.outcome);
                    if (message.attachmentSha256 != null && $Object.hasOwnProperty.call(message, "attachmentSha256") && message.attachmentSha256.length)
                        writer.uint32(/* id 20, wireType 2 =*/162).bytes(message.attachmentSha256);
                    if (message.attachmentMediaType != null && $Object.hasOwnProperty.call(message, "attachmentMediaType") && message.attachmentMediaType !== "")
                        writer.uint32(/* id 21, wireType 2 =*/170).string(message.attachmentMediaType);
                    if (message.attachmentSize != null && $Object.hasOwnProperty.call(message, "attachmentSize") && (typeof message.attachmentSize === "object" ? message.attachmentSize.low || message.attachmentSize.high : message.attachmentSize !== 0))
                        writer.uint32(/* id 22, wireType 0 =*/176).uint64(message.attachmentSize);
                    if (message.text != null && $Object.hasOwnProperty.call(message, "text") && message.text !== "")
                        writer.uint32(/* id 23, wireType 2 =*/186).string(message.text);
                    if (message.signerRole != null && $Object.hasOwnProperty.call(message, "signerRole") && message.signerRole !== 0)
                        writer.uint32(/* id 24, wireType 0 =*/192).int32(message.signerRole);
                    if (message.timeQuality != null && $Object.hasOwnProperty.call(message, "timeQuality") && message.timeQuality !== 0)
                        writer.uint32(/* id 25, wireType 0 =*/200).int32(message.timeQuality);
                    if (message.timeSource != null && $Object.hasOwnProperty.call(message, "timeSource") && message.timeSource !== "")
                        writer.uint32(/* id 26, wireType 2 =*/210).string(message.timeSource);
                    if (message.monotonic != null && $Object.hasOwnProperty.call(message, "monotonic"))
                        $root.fieldchain.evidence.v1.MonotonicAnchor.encode(message.monotonic, writer.uint32(/* id 27, wireType 2 =*/218).fork(), _depth + 1).ldelim();
                    if (message.deviceTimeImplausible != null && $Object.hasOwnProperty.call(message, "deviceTimeImplausible") && message.deviceTimeImplausible !== false)
                        writer.uint32(/* id 28, wireType 0 =*/224).bool(message.deviceTimeImplausible);
                    if (message.formatVersion != null && $Object.hasOwnProperty.call(message, "formatVersion") && message.formatVersion !== 0)
                        writer.uint32(/* id 100, wireType 0 =*/800).uint32(message.formatVersion);
                    if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                        for (let i = 0; i < message.$unknowns.length; ++i)
                            writer.raw(message.$unknowns[i]);
                    return writer;
                };

                /**
                 * Decodes an EvidenceRecord message from the specified reader or buffer.
                 * @function decode
                 * @memberof fieldchain.evidence.v1.EvidenceRecord
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                 * @param {number} [length] Message length if known beforehand
                 * @returns {fieldchain.evidence.v1.EvidenceRecord & fieldchain.evidence.v1.EvidenceRecord.$Shape} EvidenceRecord
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                EvidenceRecord.decode = function (reader, length, _end, _depth, _target) {
                    if (!(reader instanceof $Reader))
                        reader = $Reader.create(reader);
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    let end, message, value;
                    if (length === $undefined)
                        end = reader.len;
                    else {
                        end = reader.pos + length;
                        if (end > reader.len)
                            throw $RangeError("index out of range");
                        length = reader.len;
                        reader.len = end;
                    }
                    message = _target || new $root.fieldchain.evidence.v1.EvidenceRecord();
                    while (reader.pos < end) {
                        let start = reader.pos;
                        let tag = reader.tag();
                        if (tag === _end) {
                            _end = $undefined;
                            break;
                        }
                        let wireType = tag & 7;
                        switch (tag >>>= 3) {
                        case 1: {
                                if (wireType !== 2)
                                    break;
                                if ((value = reader.stringVerify()).length)
                                    message.id = value;
                                else
                                    delete message.id;
                                continue;
                            }
                        case 2: {
                                if (wireType !== 0)
                                    break;
                                if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                    message.chainSeq = value;
                                else
                                    delete message.chainSeq;
                                continue;
                            }
                        case 3: {
                                if (wireType !== 2)
                                    break;
                                if ((value = reader.bytes()).length)
                                    message.prevHash = value;
                                else
                                    delete message.prevHash;
                                continue;
                            }
                        case 4: {
                                if (wireType !== 2)
                                    break;
                                if ((value = reader.stringVerify()).length)
                                    message.gatewayId = value;
                                else
                                    delete message.gatewayId;
                                continue;
                            }
                        case 5: {
                                if (wireType !== 2)
                                    break;
                                if ((value = reader.stringVerify()).length)
                                    message.workOrderId = value;
                                else
                                    delete message.workOrderId;
                                continue;
                            }
                        case 6: {
                                if (wireType !== 2)
                                    break;
                                if ((value = reader.stringVerify()).length)
                                    message.taskId = value;
                                else
                                    delete message.taskId;
                                continue;
                            }
                        case 7: {
                                if (wireType !== 2)
                                    break;
                                if ((value = reader.stringVerify()).length)
                                    message.checklistItemId = value;
                                else
                                    delete message.checklistItemId;
                                continue;
                            }
                        case 8: {
                                if (wireType !== 2)
                                    break;
                                if ((value = reader.stringVerify()).length)
                                    message.deliverableId = value;
                                else
                                    delete message.deliverableId;
                                continue;
                            }
                        case 9: {
                                if (wireType !== 2)
                                    break;
                                if ((value = reader.stringVerify()).length)
                                    message.technicianId = value;
                                else
                                    delete message.technicianId;
                                continue;
                            }
                        case 10: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.int32())
                                    message.kind = value;
                                else
                                    delete message.kind;
                                continue;
                            }
                        case 11: {
                                if (wireType !== 2)
                                    break;
                                message.device = $root.fieldchain.evidence.v1.DeviceIdentity.decode(reader, reader.size(), $undefined, _depth + 1, message.device);
                                continue;
                            }
                        case 12: {
                                if (wireType !== 0)
                                    break;
                                if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                    message.deviceTimeUs = value;
                                else
                                    delete message.deviceTimeUs;
                                continue;
                            }
                        case 13: {
                                if (wireType !== 0)
                                    break;
                                if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                    message.gatewayTimeMs = value;
                                else
                                    delete message.gatewayTimeMs;
                                continue;
                            }
                        case 14: {
                                if (wireType !== 0)
                                    break;
                                if (typeof (value = reader.sint64()) === "object" ? value.low || value.high : value !== 0)
                                    message.clockSkewMs = value;
                                else
                                    delete message.clockSkewMs;
                                continue;
                            }
                        case 15: {
                                if (wireType !== 2)
                                    break;
                                if ((value = reader.stringVerify()).length)
                                    message.quantity = value;
                                else
                                    delete message.quantity;
                                continue;
                            }
                        case 16: {
                                if (wireType !== 1)
                                    break;
                                if (!$Object.is(value = reader.double(), 0))
                                    message.value = value;
                                else
                                    delete message.value;
                                continue;
                            }
                        case 17: {
                                if (wireType !== 2)
                                    break;
                                if ((value = reader.stringVerify()).length)
                                    message.unit = value;
                                else
                                    delete message.unit;
                                continue;
                            }
                        case 18: {
                                if (wireType !== 2)
                                    break;
                                message.requirement = $root.fieldchain.evidence.v1.Requirement.decode(reader, reader.size(), $undefined, _depth + 1, message.requirement);
                                continue;
                            }
                        case 19: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.int32())
                                    message.outcome = value;
                                else
                                    delete message.outcome;
                                continue;
                            }
                        case 20: {
                                if (wireType !== 2)
                                    break;
                                if ((value = reader.bytes()).length)
                                    message.attachmentSha256 = value;
                                else
                                    delete message.attachmentSha256;
                                continue;
                            }
                        case 21: {
                                if (wireType !== 2)
                                    break;
                                if ((value = reader.stringVerify()).length)
                                    message.attachmentMediaType = value;
                                else
                                    delete message.attachmentMediaType;
                                continue;
                            }
                        case 22: {
                                if (wireType !== 0)
                                    break;
                                if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                    message.attachmentSize = value;
                                else
                                    delete message.attachmentSize;
                                continue;
                            }
                        case 23: {
                                if (wireType !== 2)
                                    break;
                                if ((value = reader.stringVerify()).length)
                                    message.text = value;
                                else
                                    delete message.text;
                                continue;
                            }
                        case 24: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.int32())
                                    message.signerRole = value;
                                else
                                    delete message.signerRole;
                                continue;
                            }
                        case 25: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.int32())
                                    message.timeQuality = value;
                                else
                                    delete message.timeQuality;
                                continue;
                            }
                        case 26: {
                                if (wireType !== 2)
                                    break;
                                if ((value = reader.stringVerify()).length)
                                    message.timeSource = value;
                                else
                                    delete message.timeSource;
                                continue;
                            }
                        case 27: {
                                if (wireType !== 2)
                                    break;
                                message.monotonic = $root.fieldchain.evidence.v1.MonotonicAnchor.decode(reader, reader.size(), $undefined, _depth + 1, message.monotonic);
                                continue;
                            }
                        case 28: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.bool())
                                    message.deviceTimeImplausible = value;
                                else
                                    delete message.deviceTimeImplausible;
                                continue;
                            }
                        case 100: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.uint32())
                                    message.formatVersion = value;
                                else
                                    delete message.formatVersion;
                                continue;
                            }
                        }
                        reader.skipType(wireType, _depth, tag);
                        if (!reader.discardUnknown) {
                            $util.makeProp(message, "$unknowns", false);
                            (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                        }
                    }
                    if (length !== $undefined) {
                        if (reader.pos !== end)
                            throw $RangeError("index out of range");
                        reader.len = length;
                    }
                    if (_end !== $undefined)
                        throw $Error("missing end group");
                    return message;
                };

                /**
                 * Creates an EvidenceRecord message from a plain object. Also converts values to their respective internal types.
                 * @function fromObject
                 * @memberof fieldchain.evidence.v1.EvidenceRecord
                 * @static
                 * @param {Object.<string,*>} object Plain object
                 * @returns {fieldchain.evidence.v1.EvidenceRecord} EvidenceRecord
                 */
                EvidenceRecord.fromObject = function (object, _depth) {
                    if (object instanceof $root.fieldchain.evidence.v1.EvidenceRecord)
                        return object;
                    if (!$util.isObject(object))
                        throw $TypeError(".fieldchain.evidence.v1.EvidenceRecord: object expected");
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let message = new $root.fieldchain.evidence.v1.EvidenceRecord();
                    if (object.id != null)
                        if (typeof object.id !== "string" || object.id.length)
                            message.id = $String(object.id);
                    if (object.chainSeq != null)
                        if (typeof object.chainSeq === "object" ? object.chainSeq.low || object.chainSeq.high : $Number(object.chainSeq) !== 0)
                            if ($util.Long)
                                message.chainSeq = $util.Long.fromValue(object.chainSeq, true);
                            else if (typeof object.chainSeq === "string")
                                message.chainSeq = $parseInt(object.chainSeq, 10);
                            else if (typeof object.chainSeq === "number")
                                message.chainSeq = object.chainSeq;
                            else if (typeof object.chainSeq === "object")
                                message.chainSeq = new $util.LongBits(object.chainSeq.low >>> 0, object.chainSeq.high >>> 0).toNumber(true);
                    if (object.prevHash != null)
                        if (object.prevHash.length)
                            if (typeof object.prevHash === "string")
                                $util.base64.decode(object.prevHash, message.prevHash = $util.newBuffer($util.base64.length(object.prevHash)), 0);
                            else if (object.prevHash.length >= 0)
                                message.prevHash = object.prevHash;
                    if (object.gatewayId != null)
                        if (typeof object.gatewayId !== "string" || object.gatewayId.length)
                            message.gatewayId = $String(object.gatewayId);
                    if (object.workOrderId != null)
                        if (typeof object.workOrderId !== "string" || object.workOrderId.length)
                            message.workOrderId = $String(object.workOrderId);
                    if (object.taskId != null)
                        if (typeof object.taskId !== "string" || object.taskId.length)
                            message.taskId = $String(object.taskId);
                    if (object.checklistItemId != null)
                        if (typeof object.checklistItemId !== "string" || object.checklistItemId.length)
                            message.checklistItemId = $String(object.checklistItemId);
                    if (object.deliverableId != null)
                        if (typeof object.deliverableId !== "string" || object.deliverableId.length)
                            message.deliverableId = $String(object.deliverableId);
                    if (object.technicianId != null)
                        if (typeof object.technicianId !== "string" || object.technicianId.length)
                            message.technicianId = $String(object.technicianId);
                    if (object.kind !== 0 && (typeof object.kind !== "string" || $root.fieldchain.evidence.v1.EvidenceRecord.Kind[object.kind] !== 0))
                        switch (object.kind) {
                        case "KIND_UNSPECIFIED":
                        case 0:
                            message.kind = 0;
                            break;
                        case "KIND_READING":
                        case 1:
                            message.kind = 1;
                            break;
                        case "KIND_PHOTO":
                        case 2:
                            message.kind = 2;
                            break;
                        case "KIND_NOTE":
                        case 3:
                            message.kind = 3;
                            break;
                        case "KIND_ACKNOWLEDGEMENT":
                        case 4:
                            message.kind = 4;
                            break;
                        case "KIND_SIGNATURE":
                        case 5:
                            message.kind = 5;
                            break;
                        default:
                            if (typeof object.kind === "number" && (object.kind | 0) === object.kind)
                                message.kind = object.kind;
                        }
                    if (object.device != null) {
                        if (!$util.isObject(object.device))
                            throw $TypeError(".fieldchain.evidence.v1.EvidenceRecord.device: object expected");
                        message.device = $root.fieldchain.evidence.v1.DeviceIdentity.fromObject(object.device, _depth + 1);
                    }
                    if (object.deviceTimeUs != null)
                        if (typeof object.deviceTimeUs === "object" ? object.deviceTimeUs.low || object.deviceTimeUs.high : $Number(object.deviceTimeUs) !== 0)
                            if ($util.Long)
                                message.deviceTimeUs = $util.Long.fromValue(object.deviceTimeUs, true);
                            else if (typeof object.deviceTimeUs === "string")
                                message.deviceTimeUs = $parseInt(object.deviceTimeUs, 10);
                            else if (typeof object.deviceTimeUs === "number")
                                message.deviceTimeUs = object.deviceTimeUs;
                            else if (typeof object.deviceTimeUs === "object")
                                message.deviceTimeUs = new $util.LongBits(object.deviceTimeUs.low >>> 0, object.deviceTimeUs.high >>> 0).toNumber(true);
                    if (object.gatewayTimeMs != null)
                        if (typeof object.gatewayTimeMs === "object" ? object.gatewayTimeMs.low || object.gatewayTimeMs.high : $Number(object.gatewayTimeMs) !== 0)
                            if ($util.Long)
                                message.gatewayTimeMs = $util.Long.fromValue(object.gatewayTimeMs, true);
                            else if (typeof object.gatewayTimeMs === "string")
                                message.gatewayTimeMs = $parseInt(object.gatewayTimeMs, 10);
                            else if (typeof object.gatewayTimeMs === "number")
                                message.gatewayTimeMs = object.gatewayTimeMs;
                            else if (typeof object.gatewayTimeMs === "object")
                                message.gatewayTimeMs = new $util.LongBits(object.gatewayTimeMs.low >>> 0, object.gatewayTimeMs.high >>> 0).toNumber(true);
                    if (object.clockSkewMs != null)
                        if (typeof object.clockSkewMs === "object" ? object.clockSkewMs.low || object.clockSkewMs.high : $Number(object.clockSkewMs) !== 0)
                            if ($util.Long)
                                message.clockSkewMs = $util.Long.fromValue(object.clockSkewMs, false);
                            else if (typeof object.clockSkewMs === "string")
                                message.clockSkewMs = $parseInt(object.clockSkewMs, 10);
                            else if (typeof object.clockSkewMs === "number")
                                message.clockSkewMs = object.clockSkewMs;
                            else if (typeof object.clockSkewMs === "object")
                                message.clockSkewMs = new $util.LongBits(object.clockSkewMs.low >>> 0, object.clockSkewMs.high >>> 0).toNumber();
                    if (object.quantity != null)
                        if (typeof object.quantity !== "string" || object.quantity.length)
                            message.quantity = $String(object.quantity);
                    if (object.value != null)
                        if (!$Object.is($Number(object.value), 0))
                            message.value = $Number(object.value);
                    if (object.unit != null)
                        if (typeof object.unit !== "string" || object.unit.length)
                            message.unit = $String(object.unit);
                    if (object.requirement != null) {
                        if (!$util.isObject(object.requirement))
                            throw $TypeError(".fieldchain.evidence.v1.EvidenceRecord.requirement: object expected");
                        message.requirement = $root.fieldchain.evidence.v1.Requirement.fromObject(object.requirement, _depth + 1);
                    }
                    if (object.outcome !== 0 && (typeof object.outcome !== "string" || $root.fieldchain.evidence.v1.EvidenceRecord.Outcome[object.outcome] !== 0))
                        switch (object.outcome) {
                        case "OUTCOME_UNSPECIFIED":
                        case 0:
                            message.outcome = 0;
                            break;
                        case "OUTCOME_PASS":
                        case 1:
                            message.outcome = 1;
                            break;
                        case "OUTCOME_FAIL_OUT_OF_RANGE":
                        case 2:
                            message.outcome = 2;
                            break;
                        case "OUTCOME_FAIL_OUT_OF_CALIBRATION":
                        case 3:
                            message.outcome = 3;
                            break;
                        case "OUTCOME_NOT_EVALUATED":
                        case 4:
                            message.outcome = 4;
                            break;
                        default:
                            if (typeof object.outcome === "number" && (object.outcome | 0) === object.outcome)
                                message.outcome = object.outcome;
                        }
                    if (object.attachmentSha256 != null)
                        if (object.attachmentSha256.length)
                            if (typeof object.attachmentSha256 === "string")
                                $util.base64.decode(object.attachmentSha256, message.attachmentSha256 = $util.newBuffer($util.base64.length(object.attachmentSha256)), 0);
                            else if (object.attachmentSha256.length >= 0)
                                message.attachmentSha256 = object.attachmentSha256;
                    if (object.attachmentMediaType != null)
                        if (typeof object.attachmentMediaType !== "string" || object.attachmentMediaType.length)
                            message.attachmentMediaType = $String(object.attachmentMediaType);
                    if (object.attachmentSize != null)
                        if (typeof object.attachmentSize === "object" ? object.attachmentSize.low || object.attachmentSize.high : $Number(object.attachmentSize) !== 0)
                            if ($util.Long)
                                message.attachmentSize = $util.Long.fromValue(object.attachmentSize, true);
                            else if (typeof object.attachmentSize === "string")
                                message.attachmentSize = $parseInt(object.attachmentSize, 10);
                            else if (typeof object.attachmentSize === "number")
                                message.attachmentSize = object.attachmentSize;
                            else if (typeof object.attachmentSize === "object")
                                message.attachmentSize = new $util.LongBits(object.attachmentSize.low >>> 0, object.attachmentSize.high >>> 0).toNumber(true);
                    if (object.text != null)
                        if (typeof object.text !== "string" || object.text.length)
                            message.text = $String(object.text);
                    if (object.signerRole !== 0 && (typeof object.signerRole !== "string" || $root.fieldchain.evidence.v1.EvidenceRecord.SignerRole[object.signerRole] !== 0))
                        switch (object.signerRole) {
                        case "SIGNER_ROLE_UNSPECIFIED":
                        case 0:
                            message.signerRole = 0;
                            break;
                        case "SIGNER_ROLE_CUSTOMER":
                        case 1:
                            message.signerRole = 1;
                            break;
                        case "SIGNER_ROLE_TECHNICIAN":
                        case 2:
                            message.signerRole = 2;
                            break;
                        default:
                            if (typeof object.signerRole === "number" && (object.signerRole | 0) === object.signerRole)
                                message.signerRole = object.signerRole;
                        }
                    if (object.timeQuality !== 0 && (typeof object.timeQuality !== "string" || $root.fieldchain.evidence.v1.EvidenceRecord.TimeQuality[object.timeQuality] !== 0))
                        switch (object.timeQuality) {
                        case "TIME_QUALITY_UNSPECIFIED":
                        case 0:
                            message.timeQuality = 0;
                            break;
                        case "TIME_QUALITY_UNSYNCHRONISED":
                        case 1:
                            message.timeQuality = 1;
                            break;
                        case "TIME_QUALITY_SYNCHRONISED":
                        case 2:
                            message.timeQuality = 2;
                            break;
                        case "TIME_QUALITY_TRUSTED_SOURCE":
                        case 3:
                            message.timeQuality = 3;
                            break;
                        default:
                            if (typeof object.timeQuality === "number" && (object.timeQuality | 0) === object.timeQuality)
                                message.timeQuality = object.timeQuality;
                        }
                    if (object.timeSource != null)
                        if (typeof object.timeSource !== "string" || object.timeSource.length)
                            message.timeSource = $String(object.timeSource);
                    if (object.monotonic != null) {
                        if (!$util.isObject(object.monotonic))
                            throw $TypeError(".fieldchain.evidence.v1.EvidenceRecord.monotonic: object expected");
                        message.monotonic = $root.fieldchain.evidence.v1.MonotonicAnchor.fromObject(object.monotonic, _depth + 1);
                    }
                    if (object.deviceTimeImplausible != null)
                        if (object.deviceTimeImplausible)
                            message.deviceTimeImplausible = $Boolean(object.deviceTimeImplausible);
                    if (object.formatVersion != null)
                        if ($Number(object.formatVersion) !== 0)
                            message.formatVersion = object.formatVersion >>> 0;
                    return message;
                };

                /**
                 * Creates a plain object from an EvidenceRecord message. Also converts values to other types if specified.
                 * @function toObject
                 * @memberof fieldchain.evidence.v1.EvidenceRecord
                 * @static
                 * @param {fieldchain.evidence.v1.EvidenceRecord} message EvidenceRecord
                 * @param {$protobuf.IConversionOptions} [options] Conversion options
                 * @returns {Object.<string,*>} Plain object
                 */
                EvidenceRecord.toObject = function (message, options, _depth) {
                    if (!options)
                        options = {};
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let object = {};
                    if (options.defaults) {
                        object.id = "";
                        if ($util.Long) {
                            let long = new $util.Long(0, 0, true);
                            object.chainSeq = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                        } else
                            object.chainSeq = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                        if (options.bytes === $String)
                            object.prevHash = "";
                        else {
                            object.prevHash = [];
                            if (options.bytes !== $Array)
                                object.prevHash = $util.newBuffer(object.prevHash);
                        }
                        object.gatewayId = "";
                        object.workOrderId = "";
                        object.taskId = "";
                        object.checklistItemId = "";
                        object.deliverableId = "";
                        object.technicianId = "";
                        object.kind = options.enums === $String ? "KIND_UNSPECIFIED" : 0;
                        object.device = null;
                        if ($util.Long) {
                            let long = new $util.Long(0, 0, true);
                            object.deviceTimeUs = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                        } else
                            object.deviceTimeUs = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                        if ($util.Long) {
                            let long = new $util.Long(0, 0, true);
                            object.gatewayTimeMs = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                        } else
                            object.gatewayTimeMs = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                        if ($util.Long) {
                            let long = new $util.Long(0, 0, false);
                            object.clockSkewMs = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                        } else
                            object.clockSkewMs = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                        object.quantity = "";
                        object.value = 0;
                        object.unit = "";
                        object.requirement = null;
                        object.outcome = options.enums === $String ? "OUTCOME_UNSPECIFIED" : 0;
                        if (options.bytes === $String)
                            object.attachmentSha256 = "";
                        else {
                            object.attachmentSha256 = [];
                            if (options.bytes !== $Array)
                                object.attachmentSha256 = $util.newBuffer(object.attachmentSha256);
                        }
                        object.attachmentMediaType = "";
                        if ($util.Long) {
                            let long = new $util.Long(0, 0, true);
                            object.attachmentSize = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                        } else
                            object.attachmentSize = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                        object.text = "";
                        object.signerRole = options.enums === $String ? "SIGNER_ROLE_UNSPECIFIED" : 0;
                        object.timeQuality = options.enums === $String ? "TIME_QUALITY_UNSPECIFIED" : 0;
                        object.timeSource = "";
                        object.monotonic = null;
                        object.deviceTimeImplausible = false;
                        object.formatVersion = 0;
                    }
                    if (message.id != null && $Object.hasOwnProperty.call(message, "id"))
                        object.id = message.id;
                    if (message.chainSeq != null && $Object.hasOwnProperty.call(message, "chainSeq"))
                        if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                            object.chainSeq = typeof message.chainSeq === "number" ? $BigInt(message.chainSeq) : $util.Long.fromBits(message.chainSeq.low >>> 0, message.chainSeq.high >>> 0, true).toBigInt();
                        else if (typeof message.chainSeq === "number")
                            object.chainSeq = options.longs === $String ? $String(message.chainSeq) : message.chainSeq;
                        else
                            object.chainSeq = options.longs === $String ? $util.Long.prototype.toString.call(message.chainSeq) : options.longs === $Number ? new $util.LongBits(message.chainSeq.low >>> 0, message.chainSeq.high >>> 0).toNumber(true) : message.chainSeq;
                    if (message.prevHash != null && $Object.hasOwnProperty.call(message, "prevHash"))
                        object.prevHash = options.bytes === $String ? $util.base64.encode(message.prevHash, 0, message.prevHash.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.prevHash) : message.prevHash;
                    if (message.gatewayId != null && $Object.hasOwnProperty.call(message, "gatewayId"))
                        object.gatewayId = message.gatewayId;
                    if (message.workOrderId != null && $Object.hasOwnProperty.call(message, "workOrderId"))
                        object.workOrderId = message.workOrderId;
                    if (message.taskId != null && $Object.hasOwnProperty.call(message, "taskId"))
                        object.taskId = message.taskId;
                    if (message.checklistItemId != null && $Object.hasOwnProperty.call(message, "checklistItemId"))
                        object.checklistItemId = message.checklistItemId;
                    if (message.deliverableId != null && $Object.hasOwnProperty.call(message, "deliverableId"))
                        object.deliverableId = message.deliverableId;
                    if (message.technicianId != null && $Object.hasOwnProperty.call(message, "technicianId"))
                        object.technicianId = message.technicianId;
                    if (message.kind != null && $Object.hasOwnProperty.call(message, "kind"))
                        object.kind = options.enums === $String ? $root.fieldchain.evidence.v1.EvidenceRecord.Kind[message.kind] === $undefined ? message.kind : $root.fieldchain.evidence.v1.EvidenceRecord.Kind[message.kind] : message.kind;
                    if (message.device != null && $Object.hasOwnProperty.call(message, "device"))
                        object.device = $root.fieldchain.evidence.v1.DeviceIdentity.toObject(message.device, options, _depth + 1);
                    if (message.deviceTimeUs != null && $Object.hasOwnProperty.call(message, "deviceTimeUs"))
                        if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                            object.deviceTimeUs = typeof message.deviceTimeUs === "number" ? $BigInt(message.deviceTimeUs) : $util.Long.fromBits(message.deviceTimeUs.low >>> 0, message.deviceTimeUs.high >>> 0, true).toBigInt();
                        else if (typeof message.deviceTimeUs === "number")
                            object.deviceTimeUs = options.longs === $String ? $String(message.deviceTimeUs) : message.deviceTimeUs;
                        else
                            object.deviceTimeUs = options.longs === $String ? $util.Long.prototype.toString.call(message.deviceTimeUs) : options.longs === $Number ? new $util.LongBits(message.deviceTimeUs.low >>> 0, message.deviceTimeUs.high >>> 0).toNumber(true) : message.deviceTimeUs;
                    if (message.gatewayTimeMs != null && $Object.hasOwnProperty.call(message, "gatewayTimeMs"))
                        if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                            object.gatewayTimeMs = typeof message.gatewayTimeMs === "number" ? $BigInt(message.gatewayTimeMs) : $util.Long.fromBits(message.gatewayTimeMs.low >>> 0, message.gatewayTimeMs.high >>> 0, true).toBigInt();
                        else if (typeof message.gatewayTimeMs === "number")
                            object.gatewayTimeMs = options.longs === $String ? $String(message.gatewayTimeMs) : message.gatewayTimeMs;
                        else
                            object.gatewayTimeMs = options.longs === $String ? $util.Long.prototype.toString.call(message.gatewayTimeMs) : options.longs === $Number ? new $util.LongBits(message.gatewayTimeMs.low >>> 0, message.gatewayTimeMs.high >>> 0).toNumber(true) : message.gatewayTimeMs;
                    if (message.clockSkewMs != null && $Object.hasOwnProperty.call(message, "clockSkewMs"))
                        if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                            object.clockSkewMs = typeof message.clockSkewMs === "number" ? $BigInt(message.clockSkewMs) : $util.Long.fromBits(message.clockSkewMs.low >>> 0, message.clockSkewMs.high >>> 0, false).toBigInt();
                        else if (typeof message.clockSkewMs === "number")
                            object.clockSkewMs = options.longs === $String ? $String(message.clockSkewMs) : message.clockSkewMs;
                        else
                            object.clockSkewMs = options.longs === $String ? $util.Long.prototype.toString.call(message.clockSkewMs) : options.longs === $Number ? new $util.LongBits(message.clockSkewMs.low >>> 0, message.clockSkewMs.high >>> 0).toNumber() : message.clockSkewMs;
                    if (message.quantity != null && $Object.hasOwnProperty.call(message, "quantity"))
                        object.quantity = message.quantity;
                    if (message.value != null && $Object.hasOwnProperty.call(message, "value"))
                        object.value = options.json && !$isFinite(message.value) ? $String(message.value) : message.value;
                    if (message.unit != null && $Object.hasOwnProperty.call(message, "unit"))
                        object.unit = message.unit;
                    if (message.requirement != null && $Object.hasOwnProperty.call(message, "requirement"))
                        object.requirement = $root.fieldchain.evidence.v1.Requirement.toObject(message.requirement, options, _depth + 1);
                    if (message.outcome != null && $Object.hasOwnProperty.call(message, "outcome"))
                        object.outcome = options.enums === $String ? $root.fieldchain.evidence.v1.EvidenceRecord.Outcome[message.outcome] === $undefined ? message.outcome : $root.fieldchain.evidence.v1.EvidenceRecord.Outcome[message.outcome] : message.outcome;
                    if (message.attachmentSha256 != null && $Object.hasOwnProperty.call(message, "attachmentSha256"))
                        object.attachmentSha256 = options.bytes === $String ? $util.base64.encode(message.attachmentSha256, 0, message.attachmentSha256.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.attachmentSha256) : message.attachmentSha256;
                    if (message.attachmentMediaType != null && $Object.hasOwnProperty.call(message, "attachmentMediaType"))
                        object.attachmentMediaType = message.attachmentMediaType;
                    if (message.attachmentSize != null && $Object.hasOwnProperty.call(message, "attachmentSize"))
                        if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                            object.attachmentSize = typeof message.attachmentSize === "number" ? $BigInt(message.attachmentSize) : $util.Long.fromBits(message.attachmentSize.low >>> 0, message.attachmentSize.high >>> 0, true).toBigInt();
                        else if (typeof message.attachmentSize === "number")
                            object.attachmentSize = options.longs === $String ? $String(message.attachmentSize) : message.attachmentSize;
                        else
                            object.attachmentSize = options.longs === $String ? $util.Long.prototype.toString.call(message.attachmentSize) : options.longs === $Number ? new $util.LongBits(message.attachmentSize.low >>> 0, message.attachmentSize.high >>> 0).toNumber(true) : message.attachmentSize;
                    if (message.text != null && $Object.hasOwnProperty.call(message, "text"))
                        object.text = message.text;
                    if (message.signerRole != null && $Object.hasOwnProperty.call(message, "signerRole"))
                        object.signerRole = options.enums === $String ? $root.fieldchain.evidence.v1.EvidenceRecord.SignerRole[message.signerRole] === $undefined ? message.signerRole : $root.fieldchain.evidence.v1.EvidenceRecord.SignerRole[message.signerRole] : message.signerRole;
                    if (message.timeQuality != null && $Object.hasOwnProperty.call(message, "timeQuality"))
                        object.timeQuality = options.enums === $String ? $root.fieldchain.evidence.v1.EvidenceRecord.TimeQuality[message.timeQuality] === $undefined ? message.timeQuality : $root.fieldchain.evidence.v1.EvidenceRecord.TimeQuality[message.timeQuality] : message.timeQuality;
                    if (message.timeSource != null && $Object.hasOwnProperty.call(message, "timeSource"))
                        object.timeSource = message.timeSource;
                    if (message.monotonic != null && $Object.hasOwnProperty.call(message, "monotonic"))
                        object.monotonic = $root.fieldchain.evidence.v1.MonotonicAnchor.toObject(message.monotonic, options, _depth + 1);
                    if (message.deviceTimeImplausible != null && $Object.hasOwnProperty.call(message, "deviceTimeImplausible"))
                        object.deviceTimeImplausible = message.deviceTimeImplausible;
                    if (message.formatVersion != null && $Object.hasOwnProperty.call(message, "formatVersion"))
                        object.formatVersion = message.formatVersion;
                    return object;
                };

                /**
                 * Converts this EvidenceRecord to JSON.
                 * @function toJSON
                 * @memberof fieldchain.evidence.v1.EvidenceRecord
                 * @instance
                 * @returns {Object.<string,*>} JSON object
                 */
                EvidenceRecord.prototype.toJSON = function() {
                    return EvidenceRecord.toObject(this, $protobuf.util.toJSONOptions);
                };

                /**
                 * Gets the type url for EvidenceRecord
                 * @function getTypeUrl
                 * @memberof fieldchain.evidence.v1.EvidenceRecord
                 * @static
                 * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
                 * @returns {string} The type url
                 */
                EvidenceRecord.getTypeUrl = function(prefix) {
                    if (prefix === $undefined)
                        prefix = "type.googleapis.com";
                    return prefix + "/fieldchain.evidence.v1.EvidenceRecord";
                };

                /**
                 * Kind enum.
                 * @name fieldchain.evidence.v1.EvidenceRecord.Kind
                 * @enum {number}
                 * @property {number} KIND_UNSPECIFIED=0 KIND_UNSPECIFIED value
                 * @property {number} KIND_READING=1 KIND_READING value
                 * @property {number} KIND_PHOTO=2 KIND_PHOTO value
                 * @property {number} KIND_NOTE=3 KIND_NOTE value
                 * @property {number} KIND_ACKNOWLEDGEMENT=4 KIND_ACKNOWLEDGEMENT value
                 * @property {number} KIND_SIGNATURE=5 KIND_SIGNATURE value
                 */
                EvidenceRecord.Kind = (function() {
                    const valuesById = $Object.create(null), values = $Object.create(valuesById);
                    values[valuesById[0] = "KIND_UNSPECIFIED"] = 0;
                    values[valuesById[1] = "KIND_READING"] = 1;
                    values[valuesById[2] = "KIND_PHOTO"] = 2;
                    values[valuesById[3] = "KIND_NOTE"] = 3;
                    values[valuesById[4] = "KIND_ACKNOWLEDGEMENT"] = 4;
                    values[valuesById[5] = "KIND_SIGNATURE"] = 5;
                    return values;
                })();

                /**
                 * Outcome enum.
                 * @name fieldchain.evidence.v1.EvidenceRecord.Outcome
                 * @enum {number}
                 * @property {number} OUTCOME_UNSPECIFIED=0 OUTCOME_UNSPECIFIED value
                 * @property {number} OUTCOME_PASS=1 OUTCOME_PASS value
                 * @property {number} OUTCOME_FAIL_OUT_OF_RANGE=2 OUTCOME_FAIL_OUT_OF_RANGE value
                 * @property {number} OUTCOME_FAIL_OUT_OF_CALIBRATION=3 OUTCOME_FAIL_OUT_OF_CALIBRATION value
                 * @property {number} OUTCOME_NOT_EVALUATED=4 OUTCOME_NOT_EVALUATED value
                 */
                EvidenceRecord.Outcome = (function() {
                    const valuesById = $Object.create(null), values = $Object.create(valuesById);
                    values[valuesById[0] = "OUTCOME_UNSPECIFIED"] = 0;
                    values[valuesById[1] = "OUTCOME_PASS"] = 1;
                    values[valuesById[2] = "OUTCOME_FAIL_OUT_OF_RANGE"] = 2;
                    values[valuesById[3] = "OUTCOME_FAIL_OUT_OF_CALIBRATION"] = 3;
                    values[valuesById[4] = "OUTCOME_NOT_EVALUATED"] = 4;
                    return values;
                })();

                /**
                 * SignerRole enum.
                 * @name fieldchain.evidence.v1.EvidenceRecord.SignerRole
                 * @enum {number}
                 * @property {number} SIGNER_ROLE_UNSPECIFIED=0 SIGNER_ROLE_UNSPECIFIED value
                 * @property {number} SIGNER_ROLE_CUSTOMER=1 SIGNER_ROLE_CUSTOMER value
                 * @property {number} SIGNER_ROLE_TECHNICIAN=2 SIGNER_ROLE_TECHNICIAN value
                 */
                EvidenceRecord.SignerRole = (function() {
                    const valuesById = $Object.create(null), values = $Object.create(valuesById);
                    values[valuesById[0] = "SIGNER_ROLE_UNSPECIFIED"] = 0;
                    values[valuesById[1] = "SIGNER_ROLE_CUSTOMER"] = 1;
                    values[valuesById[2] = "SIGNER_ROLE_TECHNICIAN"] = 2;
                    return values;
                })();

                /**
                 * TimeQuality enum.
                 * @name fieldchain.evidence.v1.EvidenceRecord.TimeQuality
                 * @enum {number}
                 * @property {number} TIME_QUALITY_UNSPECIFIED=0 TIME_QUALITY_UNSPECIFIED value
                 * @property {number} TIME_QUALITY_UNSYNCHRONISED=1 TIME_QUALITY_UNSYNCHRONISED value
                 * @property {number} TIME_QUALITY_SYNCHRONISED=2 TIME_QUALITY_SYNCHRONISED value
                 * @property {number} TIME_QUALITY_TRUSTED_SOURCE=3 TIME_QUALITY_TRUSTED_SOURCE value
                 */
                EvidenceRecord.TimeQuality = (function() {
                    const valuesById = $Object.create(null), values = $Object.create(valuesById);
                    values[valuesById[0] = "TIME_QUALITY_UNSPECIFIED"] = 0;
                    values[valuesById[1] = "TIME_QUALITY_UNSYNCHRONISED"] = 1;
                    values[valuesById[2] = "TIME_QUALITY_SYNCHRONISED"] = 2;
                    values[valuesById[3] = "TIME_QUALITY_TRUSTED_SOURCE"] = 3;
                    return values;
                })();

                return EvidenceRecord;
            })();

            v1.MonotonicAnchor = (function() {

                /**
                 * Properties of a MonotonicAnchor.
                 * @typedef {Object} fieldchain.evidence.v1.MonotonicAnchor.$Properties
                 * @property {Uint8Array|null} [bootId] MonotonicAnchor bootId
                 * @property {number|null} [offsetMs] MonotonicAnchor offsetMs
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */

                /**
                 * Properties of a MonotonicAnchor.
                 * @memberof fieldchain.evidence.v1
                 * @interface IMonotonicAnchor
                 * @augments fieldchain.evidence.v1.MonotonicAnchor.$Properties
                 * @deprecated Use fieldchain.evidence.v1.MonotonicAnchor.$Properties instead.
                 */

                /**
                 * Shape of a MonotonicAnchor.
                 * @typedef {fieldchain.evidence.v1.MonotonicAnchor.$Properties} fieldchain.evidence.v1.MonotonicAnchor.$Shape
                 */

                /**
                 * Constructs a new MonotonicAnchor.
                 * @memberof fieldchain.evidence.v1
                 * @classdesc Represents a MonotonicAnchor.
                 * @constructor
                 * @param {fieldchain.evidence.v1.MonotonicAnchor.$Properties=} [properties] Properties to set
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */
                const MonotonicAnchor = function (properties) {
                    if (properties)
                        for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                /**
                 * MonotonicAnchor bootId.
                 * @member {Uint8Array} bootId
                 * @memberof fieldchain.evidence.v1.MonotonicAnchor
                 * @instance
                 */
                MonotonicAnchor.prototype.bootId = $util.newBuffer([]);

                /**
                 * MonotonicAnchor offsetMs.
                 * @member {number} offsetMs
                 * @memberof fieldchain.evidence.v1.MonotonicAnchor
                 * @instance
                 */
                MonotonicAnchor.prototype.offsetMs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

                /**
                 * Creates a new MonotonicAnchor instance using the specified properties.
                 * @function create
                 * @memberof fieldchain.evidence.v1.MonotonicAnchor
                 * @static
                 * @param {fieldchain.evidence.v1.MonotonicAnchor.$Properties=} [properties] Properties to set
                 * @returns {fieldchain.evidence.v1.MonotonicAnchor} MonotonicAnchor instance
                 * @type {{
                 *   (properties: fieldchain.evidence.v1.MonotonicAnchor.$Shape): fieldchain.evidence.v1.MonotonicAnchor & fieldchain.evidence.v1.MonotonicAnchor.$Shape;
                 *   (properties?: fieldchain.evidence.v1.MonotonicAnchor.$Properties): fieldchain.evidence.v1.MonotonicAnchor;
                 * }}
                 */
                MonotonicAnchor.create = function(properties) {
                    return new MonotonicAnchor(properties);
                };

                /**
                 * Encodes the specified MonotonicAnchor message. Does not implicitly {@link fieldchain.evidence.v1.MonotonicAnchor.verify|verify} messages.
                 * @function encode
                 * @memberof fieldchain.evidence.v1.MonotonicAnchor
                 * @static
                 * @param {fieldchain.evidence.v1.MonotonicAnchor.$Properties} message MonotonicAnchor message or plain object to encode
                 * @param {$protobuf.Writer} [writer] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                MonotonicAnchor.encode = function (message, writer, _depth) {
                    if (!writer)
                        writer = $Writer.create();
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (message.bootId != null && $Object.hasOwnProperty.call(message, "bootId") && message.bootId.length)
                        writer.uint32(/* id 1, wireType 2 =*/10).bytes(message.bootId);
                    if (message.offsetMs != null && $Object.hasOwnProperty.call(message, "offsetMs") && (typeof message.offsetMs === "object" ? message.offsetMs.low || message.offsetMs.high : message.offsetMs !== 0))
                        writer.uint32(/* id 2, wireType 0 =*/16).uint64(message.offsetMs);
                    if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                        for (let i = 0; i < message.$unknowns.length; ++i)
                            writer.raw(message.$unknowns[i]);
                    return writer;
                };

                /**
                 * Decodes a MonotonicAnchor message from the specified reader or buffer.
                 * @function decode
                 * @memberof fieldchain.evidence.v1.MonotonicAnchor
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                 * @param {number} [length] Message length if known beforehand
                 * @returns {fieldchain.evidence.v1.MonotonicAnchor & fieldchain.evidence.v1.MonotonicAnchor.$Shape} MonotonicAnchor
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                MonotonicAnchor.decode = function (reader, length, _end, _depth, _target) {
                    if (!(reader instanceof $Reader))
                        reader = $Reader.create(reader);
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    let end, message, value;
                    if (length === $undefined)
                        end = reader.len;
                    else {
                        end = reader.pos + length;
                        if (end > reader.len)
                            throw $RangeError("index out of range");
                        length = reader.len;
                        reader.len = end;
                    }
                    message = _target || new $root.fieldchain.evidence.v1.MonotonicAnchor();
                    while (reader.pos < end) {
                        let start = reader.pos;
                        let tag = reader.tag();
                        if (tag === _end) {
                            _end = $undefined;
                            break;
                        }
                        let wireType = tag & 7;
                        switch (tag >>>= 3) {
                        case 1: {
                                if (wireType !== 2)
                                    break;
                                if ((value = reader.bytes()).length)
                                    message.bootId = value;
                                else
                                    delete message.bootId;
                                continue;
                            }
                        case 2: {
                                if (wireType !== 0)
                                    break;
                                if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                    message.offsetMs = value;
                                else
                                    delete message.offsetMs;
                                continue;
                            }
                        }
                        reader.skipType(wireType, _depth, tag);
                        if (!reader.discardUnknown) {
                            $util.makeProp(message, "$unknowns", false);
                            (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                        }
                    }
                    if (length !== $undefined) {
                        if (reader.pos !== end)
                            throw $RangeError("index out of range");
                        reader.len = length;
                    }
                    if (_end !== $undefined)
                        throw $Error("missing end group");
                    return message;
                };

                /**
                 * Creates a MonotonicAnchor message from a plain object. Also converts values to their respective internal types.
                 * @function fromObject
                 * @memberof fieldchain.evidence.v1.MonotonicAnchor
                 * @static
                 * @param {Object.<string,*>} object Plain object
                 * @returns {fieldchain.evidence.v1.MonotonicAnchor} MonotonicAnchor
                 */
                MonotonicAnchor.fromObject = function (object, _depth) {
                    if (object instanceof $root.fieldchain.evidence.v1.MonotonicAnchor)
                        return object;
                    if (!$util.isObject(object))
                        throw $TypeError(".fieldchain.evidence.v1.MonotonicAnchor: object expected");
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let message = new $root.fieldchain.evidence.v1.MonotonicAnchor();
                    if (object.bootId != null)
                        if (object.bootId.length)
                            if (typeof object.bootId === "string")
                                $util.base64.decode(object.bootId, message.bootId = $util.newBuffer($util.base64.length(object.bootId)), 0);
                            else if (object.bootId.length >= 0)
                                message.bootId = object.bootId;
                    if (object.offsetMs != null)
                        if (typeof object.offsetMs === "object" ? object.offsetMs.low || object.offsetMs.high : $Number(object.offsetMs) !== 0)
                            if ($util.Long)
                                message.offsetMs = $util.Long.fromValue(object.offsetMs, true);
                            else if (typeof object.offsetMs === "string")
                                message.offsetMs = $parseInt(object.offsetMs, 10);
                            else if (typeof object.offsetMs === "number")
                                message.offsetMs = object.offsetMs;
                            else if (typeof object.offsetMs === "object")
                                message.offsetMs = new $util.LongBits(object.offsetMs.low >>> 0, object.offsetMs.high >>> 0).toNumber(true);
                    return message;
                };

                /**
                 * Creates a plain object from a MonotonicAnchor message. Also converts values to other types if specified.
                 * @function toObject
                 * @memberof fieldchain.evidence.v1.MonotonicAnchor
                 * @static
                 * @param {fieldchain.evidence.v1.MonotonicAnchor} message MonotonicAnchor
                 * @param {$protobuf.IConversionOptions} [options] Conversion options
                 * @returns {Object.<string,*>} Plain object
                 */
                MonotonicAnchor.toObject = function (message, options, _depth) {
                    if (!options)
                        options = {};
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let object = {};
                    if (options.defaults) {
                        if (options.bytes === $String)
                            object.bootId = "";
                        else {
                            object.bootId = [];
                            if (options.bytes !== $Array)
                                object.bootId = $util.newBuffer(object.bootId);
                        }
                        if ($util.Long) {
                            let long = new $util.Long(0, 0, true);
                            object.offsetMs = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                        } else
                            object.offsetMs = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    }
                    if (message.bootId != null && $Object.hasOwnProperty.call(message, "bootId"))
                        object.bootId = options.bytes === $String ? $util.base64.encode(message.bootId, 0, message.bootId.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.bootId) : message.bootId;
                    if (message.offsetMs != null && $Object.hasOwnProperty.call(message, "offsetMs"))
                        if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                            object.offsetMs = typeof message.offsetMs === "number" ? $BigInt(message.offsetMs) : $util.Long.fromBits(message.offsetMs.low >>> 0, message.offsetMs.high >>> 0, true).toBigInt();
                        else if (typeof message.offsetMs === "number")
                            object.offsetMs = options.longs === $String ? $String(message.offsetMs) : message.offsetMs;
                        else
                            object.offsetMs = options.longs === $String ? $util.Long.prototype.toString.call(message.offsetMs) : options.longs === $Number ? new $util.LongBits(message.offsetMs.low >>> 0, message.offsetMs.high >>> 0).toNumber(true) : message.offsetMs;
                    return object;
                };

                /**
                 * Converts this MonotonicAnchor to JSON.
                 * @function toJSON
                 * @memberof fieldchain.evidence.v1.MonotonicAnchor
                 * @instance
                 * @returns {Object.<string,*>} JSON object
                 */
                MonotonicAnchor.prototype.toJSON = function() {
                    return MonotonicAnchor.toObject(this, $protobuf.util.toJSONOptions);
                };

                /**
                 * Gets the type url for MonotonicAnchor
                 * @function getTypeUrl
                 * @memberof fieldchain.evidence.v1.MonotonicAnchor
                 * @static
                 * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
                 * @returns {string} The type url
                 */
                MonotonicAnchor.getTypeUrl = function(prefix) {
                    if (prefix === $undefined)
                        prefix = "type.googleapis.com";
                    return prefix + "/fieldchain.evidence.v1.MonotonicAnchor";
                };

                return MonotonicAnchor;
            })();

            v1.DeviceIdentity = (function() {

                /**
                 * Properties of a DeviceIdentity.
                 * @typedef {Object} fieldchain.evidence.v1.DeviceIdentity.$Properties
                 * @property {string|null} [deviceId] DeviceIdentity deviceId
                 * @property {string|null} [model] DeviceIdentity model
                 * @property {string|null} [firmwareVersion] DeviceIdentity firmwareVersion
                 * @property {string|null} [serialNumber] DeviceIdentity serialNumber
                 * @property {Uint8Array|null} [bootId] DeviceIdentity bootId
                 * @property {number|null} [readingSeq] DeviceIdentity readingSeq
                 * @property {string|null} [calibrationCertificateId] DeviceIdentity calibrationCertificateId
                 * @property {number|null} [calibratedAtMs] DeviceIdentity calibratedAtMs
                 * @property {number|null} [calibrationDueAtMs] DeviceIdentity calibrationDueAtMs
                 * @property {string|null} [calibrationLaboratory] DeviceIdentity calibrationLaboratory
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */

                /**
                 * Properties of a DeviceIdentity.
                 * @memberof fieldchain.evidence.v1
                 * @interface IDeviceIdentity
                 * @augments fieldchain.evidence.v1.DeviceIdentity.$Properties
                 * @deprecated Use fieldchain.evidence.v1.DeviceIdentity.$Properties instead.
                 */

                /**
                 * Shape of a DeviceIdentity.
                 * @typedef {fieldchain.evidence.v1.DeviceIdentity.$Properties} fieldchain.evidence.v1.DeviceIdentity.$Shape
                 */

                /**
                 * Constructs a new DeviceIdentity.
                 * @memberof fieldchain.evidence.v1
                 * @classdesc Represents a DeviceIdentity.
                 * @constructor
                 * @param {fieldchain.evidence.v1.DeviceIdentity.$Properties=} [properties] Properties to set
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */
                const DeviceIdentity = function (properties) {
                    if (properties)
                        for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                /**
                 * DeviceIdentity deviceId.
                 * @member {string} deviceId
                 * @memberof fieldchain.evidence.v1.DeviceIdentity
                 * @instance
                 */
                DeviceIdentity.prototype.deviceId = "";

                /**
                 * DeviceIdentity model.
                 * @member {string} model
                 * @memberof fieldchain.evidence.v1.DeviceIdentity
                 * @instance
                 */
                DeviceIdentity.prototype.model = "";

                /**
                 * DeviceIdentity firmwareVersion.
                 * @member {string} firmwareVersion
                 * @memberof fieldchain.evidence.v1.DeviceIdentity
                 * @instance
                 */
                DeviceIdentity.prototype.firmwareVersion = "";

                /**
                 * DeviceIdentity serialNumber.
                 * @member {string} serialNumber
                 * @memberof fieldchain.evidence.v1.DeviceIdentity
                 * @instance
                 */
                DeviceIdentity.prototype.serialNumber = "";

                /**
                 * DeviceIdentity bootId.
                 * @member {Uint8Array} bootId
                 * @memberof fieldchain.evidence.v1.DeviceIdentity
                 * @instance
                 */
                DeviceIdentity.prototype.bootId = $util.newBuffer([]);

                /**
                 * DeviceIdentity readingSeq.
                 * @member {number} readingSeq
                 * @memberof fieldchain.evidence.v1.DeviceIdentity
                 * @instance
                 */
                DeviceIdentity.prototype.readingSeq = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

                /**
                 * DeviceIdentity calibrationCertificateId.
                 * @member {string} calibrationCertificateId
                 * @memberof fieldchain.evidence.v1.DeviceIdentity
                 * @instance
                 */
                DeviceIdentity.prototype.calibrationCertificateId = "";

                /**
                 * DeviceIdentity calibratedAtMs.
                 * @member {number} calibratedAtMs
                 * @memberof fieldchain.evidence.v1.DeviceIdentity
                 * @instance
                 */
                DeviceIdentity.prototype.calibratedAtMs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

                /**
                 * DeviceIdentity calibrationDueAtMs.
                 * @member {number} calibrationDueAtMs
                 * @memberof fieldchain.evidence.v1.DeviceIdentity
                 * @instance
                 */
                DeviceIdentity.prototype.calibrationDueAtMs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

                /**
                 * DeviceIdentity calibrationLaboratory.
                 * @member {string} calibrationLaboratory
                 * @memberof fieldchain.evidence.v1.DeviceIdentity
                 * @instance
                 */
                DeviceIdentity.prototype.calibrationLaboratory = "";

                /**
                 * Creates a new DeviceIdentity instance using the specified properties.
                 * @function create
                 * @memberof fieldchain.evidence.v1.DeviceIdentity
                 * @static
                 * @param {fieldchain.evidence.v1.DeviceIdentity.$Properties=} [properties] Properties to set
                 * @returns {fieldchain.evidence.v1.DeviceIdentity} DeviceIdentity instance
                 * @type {{
                 *   (properties: fieldchain.evidence.v1.DeviceIdentity.$Shape): fieldchain.evidence.v1.DeviceIdentity & fieldchain.evidence.v1.DeviceIdentity.$Shape;
                 *   (properties?: fieldchain.evidence.v1.DeviceIdentity.$Properties): fieldchain.evidence.v1.DeviceIdentity;
                 * }}
                 */
                DeviceIdentity.create = function(properties) {
                    return new DeviceIdentity(properties);
                };

                /**
                 * Encodes the specified DeviceIdentity message. Does not implicitly {@link fieldchain.evidence.v1.DeviceIdentity.verify|verify} messages.
                 * @function encode
                 * @memberof fieldchain.evidence.v1.DeviceIdentity
                 * @static
                 * @param {fieldchain.evidence.v1.DeviceIdentity.$Properties} message DeviceIdentity message or plain object to encode
                 * @param {$protobuf.Writer} [writer] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                DeviceIdentity.encode = function (message, writer, _depth) {
                    if (!writer)
                        writer = $Writer.create();
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (message.deviceId != null && $Object.hasOwnProperty.call(message, "deviceId") && message.deviceId !== "")
                        writer.uint32(/* id 1, wireType 2 =*/10).string(message.deviceId);
                    if (message.model != null && $Object.hasOwnProperty.call(message, "model") && message.model !== "")
                        writer.uint32(/* id 2, wireType 2 =*/18).string(message.model);
                    if (message.firmwareVersion != null && $Object.hasOwnProperty.call(message, "firmwareVersion") && message.firmwareVersion !== "")
                        writer.uint32(/* id 3, wireType 2 =*/26).string(message.firmwareVersion);
                    if (message.serialNumber != null && $Object.hasOwnProperty.call(message, "serialNumber") && message.serialNumber !== "")
                        writer.uint32(/* id 4, wireType 2 =*/34).string(message.serialNumber);
                    if (message.bootId != null && $Object.hasOwnProperty.call(message, "bootId") && message.bootId.length)
                        writer.uint32(/* id 5, wireType 2 =*/42).bytes(message.bootId);
                    if (message.readingSeq != null && $Object.hasOwnProperty.call(message, "readingSeq") && (typeof message.readingSeq === "object" ? message.readingSeq.low || message.readingSeq.high : message.readingSeq !== 0))
                        writer.uint32(/* id 6, wireType 0 =*/48).uint64(message.readingSeq);
                    if (message.calibrationCertificateId != null && $Object.hasOwnProperty.call(message, "calibrationCertificateId") && message.calibrationCertificateId !== "")
                        writer.uint32(/* id 7, wireType 2 =*/58).string(message.calibrationCertificateId);
                    if (message.calibratedAtMs != null && $Object.hasOwnProperty.call(message, "calibratedAtMs") && (typeof message.calibratedAtMs === "object" ? message.calibratedAtMs.low || message.calibratedAtMs.high : message.calibratedAtMs !== 0))
                        writer.uint32(/* id 8, wireType 0 =*/64).uint64(message.calibratedAtMs);
                    if (message.calibrationDueAtMs != null && $Object.hasOwnProperty.call(message, "calibrationDueAtMs") && (typeof message.calibrationDueAtMs === "object" ? message.calibrationDueAtMs.low || message.calibrationDueAtMs.high : message.calibrationDueAtMs !== 0))
                        writer.uint32(/* id 9, wireType 0 =*/72).uint64(message.calibrationDueAtMs);
                    if (message.calibrationLaboratory != null && $Object.hasOwnProperty.call(message, "calibrationLaboratory") && message.calibrationLaboratory !== "")
                        writer.uint32(/* id 10, wireType 2 =*/82).string(message.calibrationLaboratory);
                    if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                        for (let i = 0; i < message.$unknowns.length; ++i)
                            writer.raw(message.$unknowns[i]);
                    return writer;
                };

                /**
                 * Decodes a DeviceIdentity message from the specified reader or buffer.
                 * @function decode
                 * @memberof fieldchain.evidence.v1.DeviceIdentity
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                 * @param {number} [length] Message length if known beforehand
                 * @returns {fieldchain.evidence.v1.DeviceIdentity & fieldchain.evidence.v1.DeviceIdentity.$Shape} DeviceIdentity
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                DeviceIdentity.decode = function (reader, length, _end, _depth, _target) {
                    if (!(reader instanceof $Reader))
                        reader = $Reader.create(reader);
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    let end, message, value;
                    if (length === $undefined)
                        end = reader.len;
                    else {
                        end = reader.pos + length;
                        if (end > reader.len)
                            throw $RangeError("index out of range");
                        length = reader.len;
                        reader.len = end;
                    }
                    message = _target || new $root.fieldchain.evidence.v1.DeviceIdentity();
                    while (reader.pos < end) {
                        let start = reader.pos;
                        let tag = reader.tag();
                        if (tag === _end) {
                            _end = $undefined;
                            break;
                        }
                        let wireType = tag & 7;
                        switch (tag >>>= 3) {
                        case 1: {
                                if (wireType !== 2)
                                    break;
                                if ((value = reader.stringVerify()).length)
                                    message.deviceId = value;
                                else
                                    delete message.deviceId;
                                continue;
                            }
                        case 2: {
                                if (wireType !== 2)
                                    break;
                                if ((value = reader.stringVerify()).length)
                                    message.model = value;
                                else
                                    delete message.model;
                                continue;
                            }
                        case 3: {
                                if (wireType !== 2)
                                    break;
                                if ((value = reader.stringVerify()).length)
                                    message.firmwareVersion = value;
                                else
                                    delete message.firmwareVersion;
                                continue;
                            }
                        case 4: {
                                if (wireType !== 2)
                                    break;
                                if ((value = reader.stringVerify()).length)
                                    message.serialNumber = value;
                                else
                                    delete message.serialNumber;
                                continue;
                            }
                        case 5: {
                                if (wireType !== 2)
                                    break;
                                if ((value = reader.bytes()).length)
                                    message.bootId = value;
                                else
                                    delete message.bootId;
                                continue;
                            }
                        case 6: {
                                if (wireType !== 0)
                                    break;
                                if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                    message.readingSeq = value;
                                else
                                    delete message.readingSeq;
                                continue;
                            }
                        case 7: {
                                if (wireType !== 2)
                                    break;
                                if ((value = reader.stringVerify()).length)
                                    message.calibrationCertificateId = value;
                                else
                                    delete message.calibrationCertificateId;
                                continue;
                            }
                        case 8: {
                                if (wireType !== 0)
                                    break;
                                if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                    message.calibratedAtMs = value;
                                else
                                    delete message.calibratedAtMs;
                                continue;
                            }
                        case 9: {
                                if (wireType !== 0)
                                    break;
                                if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                    message.calibrationDueAtMs = value;
                                else
                                    delete message.calibrationDueAtMs;
                                continue;
                            }
                        case 10: {
                                if (wireType !== 2)
                                    break;
                                if ((value = reader.stringVerify()).length)
                                    message.calibrationLaboratory = value;
                                else
                                    delete message.calibrationLaboratory;
                                continue;
                            }
                        }
                        reader.skipType(wireType, _depth, tag);
                        if (!reader.discardUnknown) {
                            $util.makeProp(message, "$unknowns", false);
                            (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                        }
                    }
                    if (length !== $undefined) {
                        if (reader.pos !== end)
                            throw $RangeError("index out of range");
                        reader.len = length;
                    }
                    if (_end !== $undefined)
                        throw $Error("missing end group");
                    return message;
                };

                /**
                 * Creates a DeviceIdentity message from a plain object. Also converts values to their respective internal types.
                 * @function fromObject
                 * @memberof fieldchain.evidence.v1.DeviceIdentity
                 * @static
                 * @param {Object.<string,*>} object Plain object
                 * @returns {fieldchain.evidence.v1.DeviceIdentity} DeviceIdentity
                 */
                DeviceIdentity.fromObject = function (object, _depth) {
                    if (object instanceof $root.fieldchain.evidence.v1.DeviceIdentity)
                        return object;
                    if (!$util.isObject(object))
                        throw $TypeError(".fieldchain.evidence.v1.DeviceIdentity: object expected");
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let message = new $root.fieldchain.evidence.v1.DeviceIdentity();
                    if (object.deviceId != null)
                        if (typeof object.deviceId !== "string" || object.deviceId.length)
                            message.deviceId = $String(object.deviceId);
                    if (object.model != null)
                        if (typeof object.model !== "string" || object.model.length)
                            message.model = $String(object.model);
                    if (object.firmwareVersion != null)
                        if (typeof object.firmwareVersion !== "string" || object.firmwareVersion.length)
                            message.firmwareVersion = $String(object.firmwareVersion);
                    if (object.serialNumber != null)
                        if (typeof object.serialNumber !== "string" || object.serialNumber.length)
                            message.serialNumber = $String(object.serialNumber);
                    if (object.bootId != null)
                        if (object.bootId.length)
                            if (typeof object.bootId === "string")
                                $util.base64.decode(object.bootId, message.bootId = $util.newBuffer($util.base64.length(object.bootId)), 0);
                            else if (object.bootId.length >= 0)
                                message.bootId = object.bootId;
                    if (object.readingSeq != null)
                        if (typeof object.readingSeq === "object" ? object.readingSeq.low || object.readingSeq.high : $Number(object.readingSeq) !== 0)
                            if ($util.Long)
                                message.readingSeq = $util.Long.fromValue(object.readingSeq, true);
                            else if (typeof object.readingSeq === "string")
                                message.readingSeq = $parseInt(object.readingSeq, 10);
                            else if (typeof object.readingSeq === "number")
                                message.readingSeq = object.readingSeq;
                            else if (typeof object.readingSeq === "object")
                                message.readingSeq = new $util.LongBits(object.readingSeq.low >>> 0, object.readingSeq.high >>> 0).toNumber(true);
                    if (object.calibrationCertificateId != null)
                        if (typeof object.calibrationCertificateId !== "string" || object.calibrationCertificateId.length)
                            message.calibrationCertificateId = $String(object.calibrationCertificateId);
                    if (object.calibratedAtMs != null)
                        if (typeof object.calibratedAtMs === "object" ? object.calibratedAtMs.low || object.calibratedAtMs.high : $Number(object.calibratedAtMs) !== 0)
                            if ($util.Long)
                                message.calibratedAtMs = $util.Long.fromValue(object.calibratedAtMs, true);
                            else if (typeof object.calibratedAtMs === "string")
                                message.calibratedAtMs = $parseInt(object.calibratedAtMs, 10);
                            else if (typeof object.calibratedAtMs === "number")
                                message.calibratedAtMs = object.calibratedAtMs;
                            else if (typeof object.calibratedAtMs === "object")
                                message.calibratedAtMs = new $util.LongBits(object.calibratedAtMs.low >>> 0, object.calibratedAtMs.high >>> 0).toNumber(true);
                    if (object.calibrationDueAtMs != null)
                        if (typeof object.calibrationDueAtMs === "object" ? object.calibrationDueAtMs.low || object.calibrationDueAtMs.high : $Number(object.calibrationDueAtMs) !== 0)
                            if ($util.Long)
                                message.calibrationDueAtMs = $util.Long.fromValue(object.calibrationDueAtMs, true);
                            else if (typeof object.calibrationDueAtMs === "string")
                                message.calibrationDueAtMs = $parseInt(object.calibrationDueAtMs, 10);
                            else if (typeof object.calibrationDueAtMs === "number")
                                message.calibrationDueAtMs = object.calibrationDueAtMs;
                            else if (typeof object.calibrationDueAtMs === "object")
                                message.calibrationDueAtMs = new $util.LongBits(object.calibrationDueAtMs.low >>> 0, object.calibrationDueAtMs.high >>> 0).toNumber(true);
                    if (object.calibrationLaboratory != null)
                        if (typeof object.calibrationLaboratory !== "string" || object.calibrationLaboratory.length)
                            message.calibrationLaboratory = $String(object.calibrationLaboratory);
                    return message;
                };

                /**
                 * Creates a plain object from a DeviceIdentity message. Also converts values to other types if specified.
                 * @function toObject
                 * @memberof fieldchain.evidence.v1.DeviceIdentity
                 * @static
                 * @param {fieldchain.evidence.v1.DeviceIdentity} message DeviceIdentity
                 * @param {$protobuf.IConversionOptions} [options] Conversion options
                 * @returns {Object.<string,*>} Plain object
                 */
                DeviceIdentity.toObject = function (message, options, _depth) {
                    if (!options)
                        options = {};
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let object = {};
                    if (options.defaults) {
                        object.deviceId = "";
                        object.model = "";
                        object.firmwareVersion = "";
                        object.serialNumber = "";
                        if (options.bytes === $String)
                            object.bootId = "";
                        else {
                            object.bootId = [];
                            if (options.bytes !== $Array)
                                object.bootId = $util.newBuffer(object.bootId);
                        }
                        if ($util.Long) {
                            let long = new $util.Long(0, 0, true);
                            object.readingSeq = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                        } else
                            object.readingSeq = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                        object.calibrationCertificateId = "";
                        if ($util.Long) {
                            let long = new $util.Long(0, 0, true);
                            object.calibratedAtMs = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                        } else
                            object.calibratedAtMs = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                        if ($util.Long) {
                            let long = new $util.Long(0, 0, true);
                            object.calibrationDueAtMs = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                        } else
                            object.calibrationDueAtMs = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                        object.calibrationLaboratory = "";
                    }
                    if (message.deviceId != null && $Object.hasOwnProperty.call(message, "deviceId"))
                        object.deviceId = message.deviceId;
                    if (message.model != null && $Object.hasOwnProperty.call(message, "model"))
                        object.model = message.model;
                    if (message.firmwareVersion != null && $Object.hasOwnProperty.call(message, "firmwareVersion"))
                        object.firmwareVersion = message.firmwareVersion;
                    if (message.serialNumber != null && $Object.hasOwnProperty.call(message, "serialNumber"))
                        object.serialNumber = message.serialNumber;
                    if (message.bootId != null && $Object.hasOwnProperty.call(message, "bootId"))
                        object.bootId = options.bytes === $String ? $util.base64.encode(message.bootId, 0, message.bootId.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.bootId) : message.bootId;
                    if (message.readingSeq != null && $Object.hasOwnProperty.call(message, "readingSeq"))
                        if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                            object.readingSeq = typeof message.readingSeq === "number" ? $BigInt(message.readingSeq) : $util.Long.fromBits(message.readingSeq.low >>> 0, message.readingSeq.high >>> 0, true).toBigInt();
                        else if (typeof message.readingSeq === "number")
                            object.readingSeq = options.longs === $String ? $String(message.readingSeq) : message.readingSeq;
                        else
                            object.readingSeq = options.longs === $String ? $util.Long.prototype.toString.call(message.readingSeq) : options.longs === $Number ? new $util.LongBits(message.readingSeq.low >>> 0, message.readingSeq.high >>> 0).toNumber(true) : message.readingSeq;
                    if (message.calibrationCertificateId != null && $Object.hasOwnProperty.call(message, "calibrationCertificateId"))
                        object.calibrationCertificateId = message.calibrationCertificateId;
                    if (message.calibratedAtMs != null && $Object.hasOwnProperty.call(message, "calibratedAtMs"))
                        if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                            object.calibratedAtMs = typeof message.calibratedAtMs === "number" ? $BigInt(message.calibratedAtMs) : $util.Long.fromBits(message.calibratedAtMs.low >>> 0, message.calibratedAtMs.high >>> 0, true).toBigInt();
                        else if (typeof message.calibratedAtMs === "number")
                            object.calibratedAtMs = options.longs === $String ? $String(message.calibratedAtMs) : message.calibratedAtMs;
                        else
                            object.calibratedAtMs = options.longs === $String ? $util.Long.prototype.toString.call(message.calibratedAtMs) : options.longs === $Number ? new $util.LongBits(message.calibratedAtMs.low >>> 0, message.calibratedAtMs.high >>> 0).toNumber(true) : message.calibratedAtMs;
                    if (message.calibrationDueAtMs != null && $Object.hasOwnProperty.call(message, "calibrationDueAtMs"))
                        if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                            object.calibrationDueAtMs = typeof message.calibrationDueAtMs === "number" ? $BigInt(message.calibrationDueAtMs) : $util.Long.fromBits(message.calibrationDueAtMs.low >>> 0, message.calibrationDueAtMs.high >>> 0, true).toBigInt();
                        else if (typeof message.calibrationDueAtMs === "number")
                            object.calibrationDueAtMs = options.longs === $String ? $String(message.calibrationDueAtMs) : message.calibrationDueAtMs;
                        else
                            object.calibrationDueAtMs = options.longs === $String ? $util.Long.prototype.toString.call(message.calibrationDueAtMs) : options.longs === $Number ? new $util.LongBits(message.calibrationDueAtMs.low >>> 0, message.calibrationDueAtMs.high >>> 0).toNumber(true) : message.calibrationDueAtMs;
                    if (message.calibrationLaboratory != null && $Object.hasOwnProperty.call(message, "calibrationLaboratory"))
                        object.calibrationLaboratory = message.calibrationLaboratory;
                    return object;
                };

                /**
                 * Converts this DeviceIdentity to JSON.
                 * @function toJSON
                 * @memberof fieldchain.evidence.v1.DeviceIdentity
                 * @instance
                 * @returns {Object.<string,*>} JSON object
                 */
                DeviceIdentity.prototype.toJSON = function() {
                    return DeviceIdentity.toObject(this, $protobuf.util.toJSONOptions);
                };

                /**
                 * Gets the type url for DeviceIdentity
                 * @function getTypeUrl
                 * @memberof fieldchain.evidence.v1.DeviceIdentity
                 * @static
                 * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
                 * @returns {string} The type url
                 */
                DeviceIdentity.getTypeUrl = function(prefix) {
                    if (prefix === $undefined)
                        prefix = "type.googleapis.com";
                    return prefix + "/fieldchain.evidence.v1.DeviceIdentity";
                };

                return DeviceIdentity;
            })();

            v1.Requirement = (function() {

                /**
                 * Properties of a Requirement.
                 * @typedef {Object} fieldchain.evidence.v1.Requirement.$Properties
                 * @property {number|null} [min] Requirement min
                 * @property {number|null} [max] Requirement max
                 * @property {string|null} [unit] Requirement unit
                 * @property {boolean|null} [calibratedRequired] Requirement calibratedRequired
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */

                /**
                 * Properties of a Requirement.
                 * @memberof fieldchain.evidence.v1
                 * @interface IRequirement
                 * @augments fieldchain.evidence.v1.Requirement.$Properties
                 * @deprecated Use fieldchain.evidence.v1.Requirement.$Properties instead.
                 */

                /**
                 * Shape of a Requirement.
                 * @typedef {fieldchain.evidence.v1.Requirement.$Properties} fieldchain.evidence.v1.Requirement.$Shape
                 */

                /**
                 * Constructs a new Requirement.
                 * @memberof fieldchain.evidence.v1
                 * @classdesc Represents a Requirement.
                 * @constructor
                 * @param {fieldchain.evidence.v1.Requirement.$Properties=} [properties] Properties to set
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */
                const Requirement = function (properties) {
                    if (properties)
                        for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                /**
                 * Requirement min.
                 * @member {number|null|undefined} min
                 * @memberof fieldchain.evidence.v1.Requirement
                 * @instance
                 */
                Requirement.prototype.min = null;

                /**
                 * Requirement max.
                 * @member {number|null|undefined} max
                 * @memberof fieldchain.evidence.v1.Requirement
                 * @instance
                 */
                Requirement.prototype.max = null;

                /**
                 * Requirement unit.
                 * @member {string} unit
                 * @memberof fieldchain.evidence.v1.Requirement
                 * @instance
                 */
                Requirement.prototype.unit = "";

                /**
                 * Requirement calibratedRequired.
                 * @member {boolean} calibratedRequired
                 * @memberof fieldchain.evidence.v1.Requirement
                 * @instance
                 */
                Requirement.prototype.calibratedRequired = false;

                // OneOf field names bound to virtual getters and setters
                let $oneOfFields;

                // Virtual OneOf for proto3 optional field
                $Object.defineProperty(Requirement.prototype, "_min", {
                    get: $util.oneOfGetter($oneOfFields = ["min"]),
                    set: $util.oneOfSetter($oneOfFields)
                });

                // Virtual OneOf for proto3 optional field
                $Object.defineProperty(Requirement.prototype, "_max", {
                    get: $util.oneOfGetter($oneOfFields = ["max"]),
                    set: $util.oneOfSetter($oneOfFields)
                });

                /**
                 * Creates a new Requirement instance using the specified properties.
                 * @function create
                 * @memberof fieldchain.evidence.v1.Requirement
                 * @static
                 * @param {fieldchain.evidence.v1.Requirement.$Properties=} [properties] Properties to set
                 * @returns {fieldchain.evidence.v1.Requirement} Requirement instance
                 * @type {{
                 *   (properties: fieldchain.evidence.v1.Requirement.$Shape): fieldchain.evidence.v1.Requirement & fieldchain.evidence.v1.Requirement.$Shape;
                 *   (properties?: fieldchain.evidence.v1.Requirement.$Properties): fieldchain.evidence.v1.Requirement;
                 * }}
                 */
                Requirement.create = function(properties) {
                    return new Requirement(properties);
                };

                /**
                 * Encodes the specified Requirement message. Does not implicitly {@link fieldchain.evidence.v1.Requirement.verify|verify} messages.
                 * @function encode
                 * @memberof fieldchain.evidence.v1.Requirement
                 * @static
                 * @param {fieldchain.evidence.v1.Requirement.$Properties} message Requirement message or plain object to encode
                 * @param {$protobuf.Writer} [writer] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                Requirement.encode = function (message, writer, _depth) {
                    if (!writer)
                        writer = $Writer.create();
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (message.min != null && $Object.hasOwnProperty.call(message, "min"))
                        writer.uint32(/* id 1, wireType 1 =*/9).double(message.min);
                    if (message.max != null && $Object.hasOwnProperty.call(message, "max"))
                        writer.uint32(/* id 2, wireType 1 =*/17).double(message.max);
                    if (message.unit != null && $Object.hasOwnProperty.call(message, "unit") && message.unit !== "")
                        writer.uint32(/* id 3, wireType 2 =*/26).string(message.unit);
                    if (message.calibratedRequired != null && $Object.hasOwnProperty.call(message, "calibratedRequired") && message.calibratedRequired !== false)
                        writer.uint32(/* id 4, wireType 0 =*/32).bool(message.calibratedRequired);
                    if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                        for (let i = 0; i < message.$unknowns.length; ++i)
                            writer.raw(message.$unknowns[i]);
                    return writer;
                };

                /**
                 * Decodes a Requirement message from the specified reader or buffer.
                 * @function decode
                 * @memberof fieldchain.evidence.v1.Requirement
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                 * @param {number} [length] Message length if known beforehand
                 * @returns {fieldchain.evidence.v1.Requirement & fieldchain.evidence.v1.Requirement.$Shape} Requirement
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                Requirement.decode = function (reader, length, _end, _depth, _target) {
                    if (!(reader instanceof $Reader))
                        reader = $Reader.create(reader);
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    let end, message, value;
                    if (length === $undefined)
                        end = reader.len;
                    else {
                        end = reader.pos + length;
                        if (end > reader.len)
                            throw $RangeError("index out of range");
                        length = reader.len;
                        reader.len = end;
                    }
                    message = _target || new $root.fieldchain.evidence.v1.Requirement();
                    while (reader.pos < end) {
                        let start = reader.pos;
                        let tag = reader.tag();
                        if (tag === _end) {
                            _end = $undefined;
                            break;
                        }
                        let wireType = tag & 7;
                        switch (tag >>>= 3) {
                        case 1: {
                                if (wireType !== 1)
                                    break;
                                message.min = reader.double();
                                message._min = "min";
                                continue;
                            }
                        case 2: {
                                if (wireType !== 1)
                                    break;
                                message.max = reader.double();
                                message._max = "max";
                                continue;
                            }
                        case 3: {
                                if (wireType !== 2)
                                    break;
                                if ((value = reader.stringVerify()).length)
                                    message.unit = value;
                                else
                                    delete message.unit;
                                continue;
                            }
                        case 4: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.bool())
                                    message.calibratedRequired = value;
                                else
                                    delete message.calibratedRequired;
                                continue;
                            }
                        }
                        reader.skipType(wireType, _depth, tag);
                        if (!reader.discardUnknown) {
                            $util.makeProp(message, "$unknowns", false);
                            (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                        }
                    }
                    if (length !== $undefined) {
                        if (reader.pos !== end)
                            throw $RangeError("index out of range");
                        reader.len = length;
                    }
                    if (_end !== $undefined)
                        throw $Error("missing end group");
                    return message;
                };

                /**
                 * Creates a Requirement message from a plain object. Also converts values to their respective internal types.
                 * @function fromObject
                 * @memberof fieldchain.evidence.v1.Requirement
                 * @static
                 * @param {Object.<string,*>} object Plain object
                 * @returns {fieldchain.evidence.v1.Requirement} Requirement
                 */
                Requirement.fromObject = function (object, _depth) {
                    if (object instanceof $root.fieldchain.evidence.v1.Requirement)
                        return object;
                    if (!$util.isObject(object))
                        throw $TypeError(".fieldchain.evidence.v1.Requirement: object expected");
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let message = new $root.fieldchain.evidence.v1.Requirement();
                    if (object.min != null)
                        message.min = $Number(object.min);
                    if (object.max != null)
                        message.max = $Number(object.max);
                    if (object.unit != null)
                        if (typeof object.unit !== "string" || object.unit.length)
                            message.unit = $String(object.unit);
                    if (object.calibratedRequired != null)
                        if (object.calibratedRequired)
                            message.calibratedRequired = $Boolean(object.calibratedRequired);
                    return message;
                };

                /**
                 * Creates a plain object from a Requirement message. Also converts values to other types if specified.
                 * @function toObject
                 * @memberof fieldchain.evidence.v1.Requirement
                 * @static
                 * @param {fieldchain.evidence.v1.Requirement} message Requirement
                 * @param {$protobuf.IConversionOptions} [options] Conversion options
                 * @returns {Object.<string,*>} Plain object
                 */
                Requirement.toObject = function (message, options, _depth) {
                    if (!options)
                        options = {};
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let object = {};
                    if (options.defaults) {
                        object.unit = "";
                        object.calibratedRequired = false;
                    }
                    if (message.min != null && $Object.hasOwnProperty.call(message, "min"))
                        object.min = options.json && !$isFinite(message.min) ? $String(message.min) : message.min;
                    if (message.max != null && $Object.hasOwnProperty.call(message, "max"))
                        object.max = options.json && !$isFinite(message.max) ? $String(message.max) : message.max;
                    if (message.unit != null && $Object.hasOwnProperty.call(message, "unit"))
                        object.unit = message.unit;
                    if (message.calibratedRequired != null && $Object.hasOwnProperty.call(message, "calibratedRequired"))
                        object.calibratedRequired = message.calibratedRequired;
                    return object;
                };

                /**
                 * Converts this Requirement to JSON.
                 * @function toJSON
                 * @memberof fieldchain.evidence.v1.Requirement
                 * @instance
                 * @returns {Object.<string,*>} JSON object
                 */
                Requirement.prototype.toJSON = function() {
                    return Requirement.toObject(this, $protobuf.util.toJSONOptions);
                };

                /**
                 * Gets the type url for Requirement
                 * @function getTypeUrl
                 * @memberof fieldchain.evidence.v1.Requirement
                 * @static
                 * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
                 * @returns {string} The type url
                 */
                Requirement.getTypeUrl = function(prefix) {
                    if (prefix === $undefined)
                        prefix = "type.googleapis.com";
                    return prefix + "/fieldchain.evidence.v1.Requirement";
                };

                return Requirement;
            })();

            v1.Checkpoint = (function() {

                /**
                 * Properties of a Checkpoint.
                 * @typedef {Object} fieldchain.evidence.v1.Checkpoint.$Properties
                 * @property {string|null} [gatewayId] Checkpoint gatewayId
                 * @property {number|null} [chainSeq] Checkpoint chainSeq
                 * @property {Uint8Array|null} [headHash] Checkpoint headHash
                 * @property {number|null} [recordCount] Checkpoint recordCount
                 * @property {number|null} [createdAtMs] Checkpoint createdAtMs
                 * @property {Uint8Array|null} [keyId] Checkpoint keyId
                 * @property {Uint8Array|null} [signature] Checkpoint signature
                 * @property {Uint8Array|null} [manifestsRoot] Checkpoint manifestsRoot
                 * @property {number|null} [formatVersion] Checkpoint formatVersion
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */

                /**
                 * Properties of a Checkpoint.
                 * @memberof fieldchain.evidence.v1
                 * @interface ICheckpoint
                 * @augments fieldchain.evidence.v1.Checkpoint.$Properties
                 * @deprecated Use fieldchain.evidence.v1.Checkpoint.$Properties instead.
                 */

                /**
                 * Shape of a Checkpoint.
                 * @typedef {fieldchain.evidence.v1.Checkpoint.$Properties} fieldchain.evidence.v1.Checkpoint.$Shape
                 */

                /**
                 * Constructs a new Checkpoint.
                 * @memberof fieldchain.evidence.v1
                 * @classdesc Represents a Checkpoint.
                 * @constructor
                 * @param {fieldchain.evidence.v1.Checkpoint.$Properties=} [properties] Properties to set
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */
                const Checkpoint = function (properties) {
                    if (properties)
                        for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                /**
                 * Checkpoint gatewayId.
                 * @member {string} gatewayId
                 * @memberof fieldchain.evidence.v1.Checkpoint
                 * @instance
                 */
                Checkpoint.prototype.gatewayId = "";

                /**
                 * Checkpoint chainSeq.
                 * @member {number} chainSeq
                 * @memberof fieldchain.evidence.v1.Checkpoint
                 * @instance
                 */
                Checkpoint.prototype.chainSeq = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

                /**
                 * Checkpoint headHash.
                 * @member {Uint8Array} headHash
                 * @memberof fieldchain.evidence.v1.Checkpoint
                 * @instance
                 */
                Checkpoint.prototype.headHash = $util.newBuffer([]);

                /**
                 * Checkpoint recordCount.
                 * @member {number} recordCount
                 * @memberof fieldchain.evidence.v1.Checkpoint
                 * @instance
                 */
                Checkpoint.prototype.recordCount = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

                /**
                 * Checkpoint createdAtMs.
                 * @member {number} createdAtMs
                 * @memberof fieldchain.evidence.v1.Checkpoint
                 * @instance
                 */
                Checkpoint.prototype.createdAtMs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

                /**
                 * Checkpoint keyId.
                 * @member {Uint8Array} keyId
                 * @memberof fieldchain.evidence.v1.Checkpoint
                 * @instance
                 */
                Checkpoint.prototype.keyId = $util.newBuffer([]);

                /**
                 * Checkpoint signature.
                 * @member {Uint8Array} signature
                 * @memberof fieldchain.evidence.v1.Checkpoint
                 * @instance
                 */
                Checkpoint.prototype.signature = $util.newBuffer([]);

                /**
                 * Checkpoint manifestsRoot.
                 * @member {Uint8Array} manifestsRoot
                 * @memberof fieldchain.evidence.v1.Checkpoint
                 * @instance
                 */
                Checkpoint.prototype.manifestsRoot = $util.newBuffer([]);

                /**
                 * Checkpoint formatVersion.
                 * @member {number} formatVersion
                 * @memberof fieldchain.evidence.v1.Checkpoint
                 * @instance
                 */
                Checkpoint.prototype.formatVersion = 0;

                /**
                 * Creates a new Checkpoint instance using the specified properties.
                 * @function create
                 * @memberof fieldchain.evidence.v1.Checkpoint
                 * @static
                 * @param {fieldchain.evidence.v1.Checkpoint.$Properties=} [properties] Properties to set
                 * @returns {fieldchain.evidence.v1.Checkpoint} Checkpoint instance
                 * @type {{
                 *   (properties: fieldchain.evidence.v1.Checkpoint.$Shape): fieldchain.evidence.v1.Checkpoint & fieldchain.evidence.v1.Checkpoint.$Shape;
                 *   (properties?: fieldchain.evidence.v1.Checkpoint.$Properties): fieldchain.evidence.v1.Checkpoint;
                 * }}
                 */
                Checkpoint.create = function(properties) {
                    return new Checkpoint(properties);
                };

                /**
                 * Encodes the specified Checkpoint message. Does not implicitly {@link fieldchain.evidence.v1.Checkpoint.verify|verify} messages.
                 * @function encode
                 * @memberof fieldchain.evidence.v1.Checkpoint
                 * @static
                 * @param {fieldchain.evidence.v1.Checkpoint.$Properties} message Checkpoint message or plain object to encode
                 * @param {$protobuf.Writer} [writer] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                Checkpoint.encode = function (message, writer, _depth) {
                    if (!writer)
                        writer = $Writer.create();
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (message.gatewayId != null && $Object.hasOwnProperty.call(message, "gatewayId") && message.gatewayId !== "")
                        writer.uint32(/* id 1, wireType 2 =*/10).string(message.gatewayId);
                    if (message.chainSeq != null && $Object.hasOwnProperty.call(message, "chainSeq") && (typeof message.chainSeq === "object" ? message.chainSeq.low || message.chainSeq.high : message.chainSeq !== 0))
                        writer.uint32(/* id 2, wireType 0 =*/16).uint64(message.chainSeq);
                    if (message.headHash != null && $Object.hasOwnProperty.call(message, "headHash") && message.headHash.length)
                        writer.uint32(/* id 3, wireType 2 =*/26).bytes(message.headHash);
                    if (message.recordCount != null && $Object.hasOwnProperty.call(message, "recordCount") && (typeof message.recordCount === "object" ? message.recordCount.low || message.recordCount.high : message.recordCount !== 0))
                        writer.uint32(/* id 4, wireType 0 =*/32).uint64(message.recordCount);
                    if (message.createdAtMs != null && $Object.hasOwnProperty.call(message, "createdAtMs") && (typeof message.createdAtMs === "object" ? message.createdAtMs.low || message.createdAtMs.high : message.createdAtMs !== 0))
                        writer.uint32(/* id 5, wireType 0 =*/40).uint64(message.createdAtMs);
                    if (message.keyId != null && $Object.hasOwnProperty.call(message, "keyId") && message.keyId.length)
                        writer.uint32(/* id 6, wireType 2 =*/50).bytes(message.keyId);
                    if (message.signature != null && $Object.hasOwnProperty.call(message, "signature") && message.signature.length)
                        writer.uint32(/* id 7, wireType 2 =*/58).bytes(message.signature);
                    if (message.manifestsRoot != null && $Object.hasOwnProperty.call(message, "manifestsRoot") && message.manifestsRoot.length)
                        writer.uint32(/* id 8, wireType 2 =*/66).bytes(message.manifestsRoot);
                    if (message.formatVersion != null && $Object.hasOwnProperty.call(message, "formatVersion") && message.formatVersion !== 0)
                        writer.uint32(/* id 100, wireType 0 =*/800).uint32(message.formatVersion);
                    if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                        for (let i = 0; i < message.$unknowns.length; ++i)
                            writer.raw(message.$unknowns[i]);
                    return writer;
                };

                /**
                 * Decodes a Checkpoint message from the specified reader or buffer.
                 * @function decode
                 * @memberof fieldchain.evidence.v1.Checkpoint
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                 * @param {number} [length] Message length if known beforehand
                 * @returns {fieldchain.evidence.v1.Checkpoint & fieldchain.evidence.v1.Checkpoint.$Shape} Checkpoint
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                Checkpoint.decode = function (reader, length, _end, _depth, _target) {
                    if (!(reader instanceof $Reader))
                        reader = $Reader.create(reader);
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    let end, message, value;
                    if (length === $undefined)
                        end = reader.len;
                    else {
                        end = reader.pos + length;
                        if (end > reader.len)
                            throw $RangeError("index out of range");
                        length = reader.len;
                        reader.len = end;
                    }
                    message = _target || new $root.fieldchain.evidence.v1.Checkpoint();
                    while (reader.pos < end) {
                        let start = reader.pos;
                        let tag = reader.tag();
                        if (tag === _end) {
                            _end = $undefined;
                            break;
                        }
                        let wireType = tag & 7;
                        switch (tag >>>= 3) {
                        case 1: {
                                if (wireType !== 2)
                                    break;
                                if ((value = reader.stringVerify()).length)
                                    message.gatewayId = value;
                                else
                                    delete message.gatewayId;
                                continue;
                            }
                        case 2: {
                                if (wireType !== 0)
                                    break;
                                if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                    message.chainSeq = value;
                                else
                                    delete message.chainSeq;
                                continue;
                            }
                        case 3: {
                                if (wireType !== 2)
                                    break;
                                if ((value = reader.bytes()).length)
                                    message.headHash = value;
                                else
                                    delete message.headHash;
                                continue;
                            }
                        case 4: {
                                if (wireType !== 0)
                                    break;
                                if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                    message.recordCount = value;
                                else
                                    delete message.recordCount;
                                continue;
                            }
                        case 5: {
                                if (wireType !== 0)
                                    break;
                                if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                    message.createdAtMs = value;
                                else
                                    delete message.createdAtMs;
                                continue;
                            }
                        case 6: {
                                if (wireType !== 2)
                                    break;
                                if ((value = reader.bytes()).length)
                                    message.keyId = value;
                                else
                                    delete message.keyId;
                                continue;
                            }
                        case 7: {
                                if (wireType !== 2)
                                    break;
                                if ((value = reader.bytes()).length)
                                    message.signature = value;
                                else
                                    delete message.signature;
                                continue;
                            }
                        case 8: {
                                if (wireType !== 2)
                                    break;
                                if ((value = reader.bytes()).length)
                                    message.manifestsRoot = value;
                                else
                                    delete message.manifestsRoot;
                                continue;
                            }
                        case 100: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.uint32())
                                    message.formatVersion = value;
                                else
                                    delete message.formatVersion;
                                continue;
                            }
                        }
                        reader.skipType(wireType, _depth, tag);
                        if (!reader.discardUnknown) {
                            $util.makeProp(message, "$unknowns", false);
                            (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                        }
                    }
                    if (length !== $undefined) {
                        if (reader.pos !== end)
                            throw $RangeError("index out of range");
                        reader.len = length;
                    }
                    if (_end !== $undefined)
                        throw $Error("missing end group");
                    return message;
                };

                /**
                 * Creates a Checkpoint message from a plain object. Also converts values to their respective internal types.
                 * @function fromObject
                 * @memberof fieldchain.evidence.v1.Checkpoint
                 * @static
                 * @param {Object.<string,*>} object Plain object
                 * @returns {fieldchain.evidence.v1.Checkpoint} Checkpoint
                 */
                Checkpoint.fromObject = function (object, _depth) {
                    if (object instanceof $root.fieldchain.evidence.v1.Checkpoint)
                        return object;
                    if (!$util.isObject(object))
                        throw $TypeError(".fieldchain.evidence.v1.Checkpoint: object expected");
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let message = new $root.fieldchain.evidence.v1.Checkpoint();
                    if (object.gatewayId != null)
                        if (typeof object.gatewayId !== "string" || object.gatewayId.length)
                            message.gatewayId = $String(object.gatewayId);
                    if (object.chainSeq != null)
                        if (typeof object.chainSeq === "object" ? object.chainSeq.low || object.chainSeq.high : $Number(object.chainSeq) !== 0)
                            if ($util.Long)
                                message.chainSeq = $util.Long.fromValue(object.chainSeq, true);
                            else if (typeof object.chainSeq === "string")
                                message.chainSeq = $parseInt(object.chainSeq, 10);
                            else if (typeof object.chainSeq === "number")
                                message.chainSeq = object.chainSeq;
                            else if (typeof object.chainSeq === "object")
                                message.chainSeq = new $util.LongBits(object.chainSeq.low >>> 0, object.chainSeq.high >>> 0).toNumber(true);
                    if (object.headHash != null)
                        if (object.headHash.length)
                            if (typeof object.headHash === "string")
                                $util.base64.decode(object.headHash, message.headHash = $util.newBuffer($util.base64.length(object.headHash)), 0);
                            else if (object.headHash.length >= 0)
                                message.headHash = object.headHash;
                    if (object.recordCount != null)
                        if (typeof object.recordCount === "object" ? object.recordCount.low || object.recordCount.high : $Number(object.recordCount) !== 0)
                            if ($util.Long)
                                message.recordCount = $util.Long.fromValue(object.recordCount, true);
                            else if (typeof object.recordCount === "string")
                                message.recordCount = $parseInt(object.recordCount, 10);
                            else if (typeof object.recordCount === "number")
                                message.recordCount = object.recordCount;
                            else if (typeof object.recordCount === "object")
                                message.recordCount = new $util.LongBits(object.recordCount.low >>> 0, object.recordCount.high >>> 0).toNumber(true);
                    if (object.createdAtMs != null)
                        if (typeof object.createdAtMs === "object" ? object.createdAtMs.low || object.createdAtMs.high : $Number(object.createdAtMs) !== 0)
                            if ($util.Long)
                                message.createdAtMs = $util.Long.fromValue(object.createdAtMs, true);
                            else if (typeof object.createdAtMs === "string")
                                message.createdAtMs = $parseInt(object.createdAtMs, 10);
                            else if (typeof object.createdAtMs === "number")
                                message.createdAtMs = object.createdAtMs;
                            else if (typeof object.createdAtMs === "object")
                                message.createdAtMs = new $util.LongBits(object.createdAtMs.low >>> 0, object.createdAtMs.high >>> 0).toNumber(true);
                    if (object.keyId != null)
                        if (object.keyId.length)
                            if (typeof object.keyId === "string")
                                $util.base64.decode(object.keyId, message.keyId = $util.newBuffer($util.base64.length(object.keyId)), 0);
                            else if (object.keyId.length >= 0)
                                message.keyId = object.keyId;
                    if (object.signature != null)
                        if (object.signature.length)
                            if (typeof object.signature === "string")
                                $util.base64.decode(object.signature, message.signature = $util.newBuffer($util.base64.length(object.signature)), 0);
                            else if (object.signature.length >= 0)
                                message.signature = object.signature;
                    if (object.manifestsRoot != null)
                        if (object.manifestsRoot.length)
                            if (typeof object.manifestsRoot === "string")
                                $util.base64.decode(object.manifestsRoot, message.manifestsRoot = $util.newBuffer($util.base64.length(object.manifestsRoot)), 0);
                            else if (object.manifestsRoot.length >= 0)
                                message.manifestsRoot = object.manifestsRoot;
                    if (object.formatVersion != null)
                        if ($Number(object.formatVersion) !== 0)
                            message.formatVersion = object.formatVersion >>> 0;
                    return message;
                };

                /**
                 * Creates a plain object from a Checkpoint message. Also converts values to other types if specified.
                 * @function toObject
                 * @memberof fieldchain.evidence.v1.Checkpoint
                 * @static
                 * @param {fieldchain.evidence.v1.Checkpoint} message Checkpoint
                 * @param {$protobuf.IConversionOptions} [options] Conversion options
                 * @returns {Object.<string,*>} Plain object
                 */
                Checkpoint.toObject = function (message, options, _depth) {
                    if (!options)
                        options = {};
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let object = {};
                    if (options.defaults) {
                        object.gatewayId = "";
                        if ($util.Long) {
                            let long = new $util.Long(0, 0, true);
                            object.chainSeq = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                        } else
                            object.chainSeq = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                        if (options.bytes === $String)
                            object.headHash = "";
                        else {
                            object.headHash = [];
                            if (options.bytes !== $Array)
                                object.headHash = $util.newBuffer(object.headHash);
                        }
                        if ($util.Long) {
                            let long = new $util.Long(0, 0, true);
                            object.recordCount = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                        } else
                            object.recordCount = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                        if ($util.Long) {
                            let long = new $util.Long(0, 0, true);
                            object.createdAtMs = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                        } else
                            object.createdAtMs = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                        if (options.bytes === $String)
                            object.keyId = "";
                        else {
                            object.keyId = [];
                            if (options.bytes !== $Array)
                                object.keyId = $util.newBuffer(object.keyId);
                        }
                        if (options.bytes === $String)
                            object.signature = "";
                        else {
                            object.signature = [];
                            if (options.bytes !== $Array)
                                object.signature = $util.newBuffer(object.signature);
                        }
                        if (options.bytes === $String)
                            object.manifestsRoot = "";
                        else {
                            object.manifestsRoot = [];
                            if (options.bytes !== $Array)
                                object.manifestsRoot = $util.newBuffer(object.manifestsRoot);
                        }
                        object.formatVersion = 0;
                    }
                    if (message.gatewayId != null && $Object.hasOwnProperty.call(message, "gatewayId"))
                        object.gatewayId = message.gatewayId;
                    if (message.chainSeq != null && $Object.hasOwnProperty.call(message, "chainSeq"))
                        if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                            object.chainSeq = typeof message.chainSeq === "number" ? $BigInt(message.chainSeq) : $util.Long.fromBits(message.chainSeq.low >>> 0, message.chainSeq.high >>> 0, true).toBigInt();
                        else if (typeof message.chainSeq === "number")
                            object.chainSeq = options.longs === $String ? $String(message.chainSeq) : message.chainSeq;
                        else
                            object.chainSeq = options.longs === $String ? $util.Long.prototype.toString.call(message.chainSeq) : options.longs === $Number ? new $util.LongBits(message.chainSeq.low >>> 0, message.chainSeq.high >>> 0).toNumber(true) : message.chainSeq;
                    if (message.headHash != null && $Object.hasOwnProperty.call(message, "headHash"))
                        object.headHash = options.bytes === $String ? $util.base64.encode(message.headHash, 0, message.headHash.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.headHash) : message.headHash;
                    if (message.recordCount != null && $Object.hasOwnProperty.call(message, "recordCount"))
                        if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                            object.recordCount = typeof message.recordCount === "number" ? $BigInt(message.recordCount) : $util.Long.fromBits(message.recordCount.low >>> 0, message.recordCount.high >>> 0, true).toBigInt();
                        else if (typeof message.recordCount === "number")
                            object.recordCount = options.longs === $String ? $String(message.recordCount) : message.recordCount;
                        else
                            object.recordCount = options.longs === $String ? $util.Long.prototype.toString.call(message.recordCount) : options.longs === $Number ? new $util.LongBits(message.recordCount.low >>> 0, message.recordCount.high >>> 0).toNumber(true) : message.recordCount;
                    if (message.createdAtMs != null && $Object.hasOwnProperty.call(message, "createdAtMs"))
                        if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                            object.createdAtMs = typeof message.createdAtMs === "number" ? $BigInt(message.createdAtMs) : $util.Long.fromBits(message.createdAtMs.low >>> 0, message.createdAtMs.high >>> 0, true).toBigInt();
                        else if (typeof message.createdAtMs === "number")
                            object.createdAtMs = options.longs === $String ? $String(message.createdAtMs) : message.createdAtMs;
                        else
                            object.createdAtMs = options.longs === $String ? $util.Long.prototype.toString.call(message.createdAtMs) : options.longs === $Number ? new $util.LongBits(message.createdAtMs.low >>> 0, message.createdAtMs.high >>> 0).toNumber(true) : message.createdAtMs;
                    if (message.keyId != null && $Object.hasOwnProperty.call(message, "keyId"))
                        object.keyId = options.bytes === $String ? $util.base64.encode(message.keyId, 0, message.keyId.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.keyId) : message.keyId;
                    if (message.signature != null && $Object.hasOwnProperty.call(message, "signature"))
                        object.signature = options.bytes === $String ? $util.base64.encode(message.signature, 0, message.signature.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.signature) : message.signature;
                    if (message.manifestsRoot != null && $Object.hasOwnProperty.call(message, "manifestsRoot"))
                        object.manifestsRoot = options.bytes === $String ? $util.base64.encode(message.manifestsRoot, 0, message.manifestsRoot.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.manifestsRoot) : message.manifestsRoot;
                    if (message.formatVersion != null && $Object.hasOwnProperty.call(message, "formatVersion"))
                        object.formatVersion = message.formatVersion;
                    return object;
                };

                /**
                 * Converts this Checkpoint to JSON.
                 * @function toJSON
                 * @memberof fieldchain.evidence.v1.Checkpoint
                 * @instance
                 * @returns {Object.<string,*>} JSON object
                 */
                Checkpoint.prototype.toJSON = function() {
                    return Checkpoint.toObject(this, $protobuf.util.toJSONOptions);
                };

                /**
                 * Gets the type url for Checkpoint
                 * @function getTypeUrl
                 * @memberof fieldchain.evidence.v1.Checkpoint
                 * @static
                 * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
                 * @returns {string} The type url
                 */
                Checkpoint.getTypeUrl = function(prefix) {
                    if (prefix === $undefined)
                        prefix = "type.googleapis.com";
                    return prefix + "/fieldchain.evidence.v1.Checkpoint";
                };

                return Checkpoint;
            })();

            v1.WorkOrderManifest = (function() {

                /**
                 * Properties of a WorkOrderManifest.
                 * @typedef {Object} fieldchain.evidence.v1.WorkOrderManifest.$Properties
                 * @property {string|null} [workOrderId] WorkOrderManifest workOrderId
                 * @property {number|null} [checkpointSeq] WorkOrderManifest checkpointSeq
                 * @property {number|null} [recordCount] WorkOrderManifest recordCount
                 * @property {number|null} [firstChainSeq] WorkOrderManifest firstChainSeq
                 * @property {number|null} [lastChainSeq] WorkOrderManifest lastChainSeq
                 * @property {Uint8Array|null} [accumulator] WorkOrderManifest accumulator
                 * @property {number|null} [formatVersion] WorkOrderManifest formatVersion
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */

                /**
                 * Properties of a WorkOrderManifest.
                 * @memberof fieldchain.evidence.v1
                 * @interface IWorkOrderManifest
                 * @augments fieldchain.evidence.v1.WorkOrderManifest.$Properties
                 * @deprecated Use fieldchain.evidence.v1.WorkOrderManifest.$Properties instead.
                 */

                /**
                 * Shape of a WorkOrderManifest.
                 * @typedef {fieldchain.evidence.v1.WorkOrderManifest.$Properties} fieldchain.evidence.v1.WorkOrderManifest.$Shape
                 */

                /**
                 * Constructs a new WorkOrderManifest.
                 * @memberof fieldchain.evidence.v1
                 * @classdesc Represents a WorkOrderManifest.
                 * @constructor
                 * @param {fieldchain.evidence.v1.WorkOrderManifest.$Properties=} [properties] Properties to set
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */
                const WorkOrderManifest = function (properties) {
                    if (properties)
                        for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                /**
                 * WorkOrderManifest workOrderId.
                 * @member {string} workOrderId
                 * @memberof fieldchain.evidence.v1.WorkOrderManifest
                 * @instance
                 */
                WorkOrderManifest.prototype.workOrderId = "";

                /**
                 * WorkOrderManifest checkpointSeq.
                 * @member {number} checkpointSeq
                 * @memberof fieldchain.evidence.v1.WorkOrderManifest
                 * @instance
                 */
                WorkOrderManifest.prototype.checkpointSeq = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

                /**
                 * WorkOrderManifest recordCount.
                 * @member {number} recordCount
                 * @memberof fieldchain.evidence.v1.WorkOrderManifest
                 * @instance
                 */
                WorkOrderManifest.prototype.recordCount = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

                /**
                 * WorkOrderManifest firstChainSeq.
                 * @member {number} firstChainSeq
                 * @memberof fieldchain.evidence.v1.WorkOrderManifest
                 * @instance
                 */
                WorkOrderManifest.prototype.firstChainSeq = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

                /**
                 * WorkOrderManifest lastChainSeq.
                 * @member {number} lastChainSeq
                 * @memberof fieldchain.evidence.v1.WorkOrderManifest
                 * @instance
                 */
                WorkOrderManifest.prototype.lastChainSeq = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

                /**
                 * WorkOrderManifest accumulator.
                 * @member {Uint8Array} accumulator
                 * @memberof fieldchain.evidence.v1.WorkOrderManifest
                 * @instance
                 */
                WorkOrderManifest.prototype.accumulator = $util.newBuffer([]);

                /**
                 * WorkOrderManifest formatVersion.
                 * @member {number} formatVersion
                 * @memberof fieldchain.evidence.v1.WorkOrderManifest
                 * @instance
                 */
                WorkOrderManifest.prototype.formatVersion = 0;

                /**
                 * Creates a new WorkOrderManifest instance using the specified properties.
                 * @function create
                 * @memberof fieldchain.evidence.v1.WorkOrderManifest
                 * @static
                 * @param {fieldchain.evidence.v1.WorkOrderManifest.$Properties=} [properties] Properties to set
                 * @returns {fieldchain.evidence.v1.WorkOrderManifest} WorkOrderManifest instance
                 * @type {{
                 *   (properties: fieldchain.evidence.v1.WorkOrderManifest.$Shape): fieldchain.evidence.v1.WorkOrderManifest & fieldchain.evidence.v1.WorkOrderManifest.$Shape;
                 *   (properties?: fieldchain.evidence.v1.WorkOrderManifest.$Properties): fieldchain.evidence.v1.WorkOrderManifest;
                 * }}
                 */
                WorkOrderManifest.create = function(properties) {
                    return new WorkOrderManifest(properties);
                };

                /**
                 * Encodes the specified WorkOrderManifest message. Does not implicitly {@link fieldchain.evidence.v1.WorkOrderManifest.verify|verify} messages.
                 * @function encode
                 * @memberof fieldchain.evidence.v1.WorkOrderManifest
                 * @static
                 * @param {fieldchain.evidence.v1.WorkOrderManifest.$Properties} message WorkOrderManifest message or plain object to encode
                 * @param {$protobuf.Writer} [writer] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                WorkOrderManifest.encode = function (message, writer, _depth) {
                    if (!writer)
                        writer = $Writer.create();
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (message.workOrderId != null && $Object.hasOwnProperty.call(message, "workOrderId") && message.workOrderId !== "")
                        writer.uint32(/* id 1, wireType 2 =*/10).string(message.workOrderId);
                    if (message.checkpointSeq != null && $Object.hasOwnProperty.call(message, "checkpointSeq") && (typeof message.checkpointSeq === "object" ? message.checkpointSeq.low || message.checkpointSeq.high : message.checkpointSeq !== 0))
                        writer.uint32(/* id 2, wireType 0 =*/16).uint64(message.checkpointSeq);
                    if (message.recordCount != null && $Object.hasOwnProperty.call(message, "recordCount") && (typeof message.recordCount === "object" ? message.recordCount.low || message.recordCount.high : message.recordCount !== 0))
                        writer.uint32(/* id 3, wireType 0 =*/24).uint64(message.recordCount);
                    if (message.firstChainSeq != null && $Object.hasOwnProperty.call(message, "firstChainSeq") && (typeof message.firstChainSeq === "object" ? message.firstChainSeq.low || message.firstChainSeq.high : message.firstChainSeq !== 0))
                        writer.uint32(/* id 4, wireType 0 =*/32).uint64(message.firstChainSeq);
                    if (message.lastChainSeq != null && $Object.hasOwnProperty.call(message, "lastChainSeq") && (typeof message.lastChainSeq === "object" ? message.lastChainSeq.low || message.lastChainSeq.high : message.lastChainSeq !== 0))
                        writer.uint32(/* id 5, wireType 0 =*/40).uint64(message.lastChainSeq);
                    if (message.accumulator != null && $Object.hasOwnProperty.call(message, "accumulator") && message.accumulator.length)
                        writer.uint32(/* id 6, wireType 2 =*/50).bytes(message.accumulator);
                    if (message.formatVersion != null && $Object.hasOwnProperty.call(message, "formatVersion") && message.formatVersion !== 0)
                        writer.uint32(/* id 100, wireType 0 =*/800).uint32(message.formatVersion);
                    if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                        for (let i = 0; i < message.$unknowns.length; ++i)
                            writer.raw(message.$unknowns[i]);
                    return writer;
                };

                /**
                 * Decodes a WorkOrderManifest message from the specified reader or buffer.
                 * @function decode
                 * @memberof fieldchain.evidence.v1.WorkOrderManifest
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                 * @param {number} [length] Message length if known beforehand
                 * @returns {fieldchain.evidence.v1.WorkOrderManifest & fieldchain.evidence.v1.WorkOrderManifest.$Shape} WorkOrderManifest
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                WorkOrderManifest.decode = function (reader, length, _end, _depth, _target) {
                    if (!(reader instanceof $Reader))
                        reader = $Reader.create(reader);
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    let end, message, value;
                    if (length === $undefined)
                        end = reader.len;
                    else {
                        end = reader.pos + length;
                        if (end > reader.len)
                            throw $RangeError("index out of range");
                        length = reader.len;
                        reader.len = end;
                    }
                    message = _target || new $root.fieldchain.evidence.v1.WorkOrderManifest();
                    while (reader.pos < end) {
                        let start = reader.pos;
                        let tag = reader.tag();
                        if (tag === _end) {
                            _end = $undefined;
                            break;
                        }
                        let wireType = tag & 7;
                        switch (tag >>>= 3) {
                        case 1: {
                                if (wireType !== 2)
                                    break;
                                if ((value = reader.stringVerify()).length)
                                    message.workOrderId = value;
                                else
                                    delete message.workOrderId;
                                continue;
                            }
                        case 2: {
                                if (wireType !== 0)
                                    break;
                                if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                    message.checkpointSeq = value;
                                else
                                    delete message.checkpointSeq;
                                continue;
                            }
                        case 3: {
                                if (wireType !== 0)
                                    break;
                                if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                    message.recordCount = value;
                                else
                                    delete message.recordCount;
                                continue;
                            }
                        case 4: {
                                if (wireType !== 0)
                                    break;
                                if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                    message.firstChainSeq = value;
                                else
                                    delete message.firstChainSeq;
                                continue;
                            }
                        case 5: {
                                if (wireType !== 0)
                                    break;
                                if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                    message.lastChainSeq = value;
                                else
                                    delete message.lastChainSeq;
                                continue;
                            }
                        case 6: {
                                if (wireType !== 2)
                                    break;
                                if ((value = reader.bytes()).length)
                                    message.accumulator = value;
                                else
                                    delete message.accumulator;
                                continue;
                            }
                        case 100: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.uint32())
                                    message.formatVersion = value;
                                else
                                    delete message.formatVersion;
                                continue;
                            }
                        }
                        reader.skipType(wireType, _depth, tag);
                        if (!reader.discardUnknown) {
                            $util.makeProp(message, "$unknowns", false);
                            (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                        }
                    }
                    if (length !== $undefined) {
                        if (reader.pos !== end)
                            throw $RangeError("index out of range");
                        reader.len = length;
                    }
                    if (_end !== $undefined)
                        throw $Error("missing end group");
                    return message;
                };

                /**
                 * Creates a WorkOrderManifest message from a plain object. Also converts values to their respective internal types.
                 * @function fromObject
                 * @memberof fieldchain.evidence.v1.WorkOrderManifest
                 * @static
                 * @param {Object.<string,*>} object Plain object
                 * @returns {fieldchain.evidence.v1.WorkOrderManifest} WorkOrderManifest
                 */
                WorkOrderManifest.fromObject = function (object, _depth) {
                    if (object instanceof $root.fieldchain.evidence.v1.WorkOrderManifest)
                        return object;
                    if (!$util.isObject(object))
                        throw $TypeError(".fieldchain.evidence.v1.WorkOrderManifest: object expected");
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let message = new $root.fieldchain.evidence.v1.WorkOrderManifest();
                    if (object.workOrderId != null)
                        if (typeof object.workOrderId !== "string" || object.workOrderId.length)
                            message.workOrderId = $String(object.workOrderId);
                    if (object.checkpointSeq != null)
                        if (typeof object.checkpointSeq === "object" ? object.checkpointSeq.low || object.checkpointSeq.high : $Number(object.checkpointSeq) !== 0)
                            if ($util.Long)
                                message.checkpointSeq = $util.Long.fromValue(object.checkpointSeq, true);
                            else if (typeof object.checkpointSeq === "string")
                                message.checkpointSeq = $parseInt(object.checkpointSeq, 10);
                            else if (typeof object.checkpointSeq === "number")
                                message.checkpointSeq = object.checkpointSeq;
                            else if (typeof object.checkpointSeq === "object")
                                message.checkpointSeq = new $util.LongBits(object.checkpointSeq.low >>> 0, object.checkpointSeq.high >>> 0).toNumber(true);
                    if (object.recordCount != null)
                        if (typeof object.recordCount === "object" ? object.recordCount.low || object.recordCount.high : $Number(object.recordCount) !== 0)
                            if ($util.Long)
                                message.recordCount = $util.Long.fromValue(object.recordCount, true);
                            else if (typeof object.recordCount === "string")
                                message.recordCount = $parseInt(object.recordCount, 10);
                            else if (typeof object.recordCount === "number")
                                message.recordCount = object.recordCount;
                            else if (typeof object.recordCount === "object")
                                message.recordCount = new $util.LongBits(object.recordCount.low >>> 0, object.recordCount.high >>> 0).toNumber(true);
                    if (object.firstChainSeq != null)
                        if (typeof object.firstChainSeq === "object" ? object.firstChainSeq.low || object.firstChainSeq.high : $Number(object.firstChainSeq) !== 0)
                            if ($util.Long)
                                message.firstChainSeq = $util.Long.fromValue(object.firstChainSeq, true);
                            else if (typeof object.firstChainSeq === "string")
                                message.firstChainSeq = $parseInt(object.firstChainSeq, 10);
                            else if (typeof object.firstChainSeq === "number")
                                message.firstChainSeq = object.firstChainSeq;
                            else if (typeof object.firstChainSeq === "object")
                                message.firstChainSeq = new $util.LongBits(object.firstChainSeq.low >>> 0, object.firstChainSeq.high >>> 0).toNumber(true);
                    if (object.lastChainSeq != null)
                        if (typeof object.lastChainSeq === "object" ? object.lastChainSeq.low || object.lastChainSeq.high : $Number(object.lastChainSeq) !== 0)
                            if ($util.Long)
                                message.lastChainSeq = $util.Long.fromValue(object.lastChainSeq, true);
                            else if (typeof object.lastChainSeq === "string")
                                message.lastChainSeq = $parseInt(object.lastChainSeq, 10);
                            else if (typeof object.lastChainSeq === "number")
                                message.lastChainSeq = object.lastChainSeq;
                            else if (typeof object.lastChainSeq === "object")
                                message.lastChainSeq = new $util.LongBits(object.lastChainSeq.low >>> 0, object.lastChainSeq.high >>> 0).toNumber(true);
                    if (object.accumulator != null)
                        if (object.accumulator.length)
                            if (typeof object.accumulator === "string")
                                $util.base64.decode(object.accumulator, message.accumulator = $util.newBuffer($util.base64.length(object.accumulator)), 0);
                            else if (object.accumulator.length >= 0)
                                message.accumulator = object.accumulator;
                    if (object.formatVersion != null)
                        if ($Number(object.formatVersion) !== 0)
                            message.formatVersion = object.formatVersion >>> 0;
                    return message;
                };

                /**
                 * Creates a plain object from a WorkOrderManifest message. Also converts values to other types if specified.
                 * @function toObject
                 * @memberof fieldchain.evidence.v1.WorkOrderManifest
                 * @static
                 * @param {fieldchain.evidence.v1.WorkOrderManifest} message WorkOrderManifest
                 * @param {$protobuf.IConversionOptions} [options] Conversion options
                 * @returns {Object.<string,*>} Plain object
                 */
                WorkOrderManifest.toObject = function (message, options, _depth) {
                    if (!options)
                        options = {};
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let object = {};
                    if (options.defaults) {
                        object.workOrderId = "";
                        if ($util.Long) {
                            let long = new $util.Long(0, 0, true);
                            object.checkpointSeq = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                        } else
                            object.checkpointSeq = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                        if ($util.Long) {
                            let long = new $util.Long(0, 0, true);
                            object.recordCount = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                        } else
                            object.recordCount = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                        if ($util.Long) {
                            let long = new $util.Long(0, 0, true);
                            object.firstChainSeq = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                        } else
                            object.firstChainSeq = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                        if ($util.Long) {
                            let long = new $util.Long(0, 0, true);
                            object.lastChainSeq = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                        } else
                            object.lastChainSeq = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                        if (options.bytes === $String)
                            object.accumulator = "";
                        else {
                            object.accumulator = [];
                            if (options.bytes !== $Array)
                                object.accumulator = $util.newBuffer(object.accumulator);
                        }
                        object.formatVersion = 0;
                    }
                    if (message.workOrderId != null && $Object.hasOwnProperty.call(message, "workOrderId"))
                        object.workOrderId = message.workOrderId;
                    if (message.checkpointSeq != null && $Object.hasOwnProperty.call(message, "checkpointSeq"))
                        if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                            object.checkpointSeq = typeof message.checkpointSeq === "number" ? $BigInt(message.checkpointSeq) : $util.Long.fromBits(message.checkpointSeq.low >>> 0, message.checkpointSeq.high >>> 0, true).toBigInt();
                        else if (typeof message.checkpointSeq === "number")
                            object.checkpointSeq = options.longs === $String ? $String(message.checkpointSeq) : message.checkpointSeq;
                        else
                            object.checkpointSeq = options.longs === $String ? $util.Long.prototype.toString.call(message.checkpointSeq) : options.longs === $Number ? new $util.LongBits(message.checkpointSeq.low >>> 0, message.checkpointSeq.high >>> 0).toNumber(true) : message.checkpointSeq;
                    if (message.recordCount != null && $Object.hasOwnProperty.call(message, "recordCount"))
                        if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                            object.recordCount = typeof message.recordCount === "number" ? $BigInt(message.recordCount) : $util.Long.fromBits(message.recordCount.low >>> 0, message.recordCount.high >>> 0, true).toBigInt();
                        else if (typeof message.recordCount === "number")
                            object.recordCount = options.longs === $String ? $String(message.recordCount) : message.recordCount;
                        else
                            object.recordCount = options.longs === $String ? $util.Long.prototype.toString.call(message.recordCount) : options.longs === $Number ? new $util.LongBits(message.recordCount.low >>> 0, message.recordCount.high >>> 0).toNumber(true) : message.recordCount;
                    if (message.firstChainSeq != null && $Object.hasOwnProperty.call(message, "firstChainSeq"))
                        if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                            object.firstChainSeq = typeof message.firstChainSeq === "number" ? $BigInt(message.firstChainSeq) : $util.Long.fromBits(message.firstChainSeq.low >>> 0, message.firstChainSeq.high >>> 0, true).toBigInt();
                        else if (typeof message.firstChainSeq === "number")
                            object.firstChainSeq = options.longs === $String ? $String(message.firstChainSeq) : message.firstChainSeq;
                        else
                            object.firstChainSeq = options.longs === $String ? $util.Long.prototype.toString.call(message.firstChainSeq) : options.longs === $Number ? new $util.LongBits(message.firstChainSeq.low >>> 0, message.firstChainSeq.high >>> 0).toNumber(true) : message.firstChainSeq;
                    if (message.lastChainSeq != null && $Object.hasOwnProperty.call(message, "lastChainSeq"))
                        if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                            object.lastChainSeq = typeof message.lastChainSeq === "number" ? $BigInt(message.lastChainSeq) : $util.Long.fromBits(message.lastChainSeq.low >>> 0, message.lastChainSeq.high >>> 0, true).toBigInt();
                        else if (typeof message.lastChainSeq === "number")
                            object.lastChainSeq = options.longs === $String ? $String(message.lastChainSeq) : message.lastChainSeq;
                        else
                            object.lastChainSeq = options.longs === $String ? $util.Long.prototype.toString.call(message.lastChainSeq) : options.longs === $Number ? new $util.LongBits(message.lastChainSeq.low >>> 0, message.lastChainSeq.high >>> 0).toNumber(true) : message.lastChainSeq;
                    if (message.accumulator != null && $Object.hasOwnProperty.call(message, "accumulator"))
                        object.accumulator = options.bytes === $String ? $util.base64.encode(message.accumulator, 0, message.accumulator.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.accumulator) : message.accumulator;
                    if (message.formatVersion != null && $Object.hasOwnProperty.call(message, "formatVersion"))
                        object.formatVersion = message.formatVersion;
                    return object;
                };

                /**
                 * Converts this WorkOrderManifest to JSON.
                 * @function toJSON
                 * @memberof fieldchain.evidence.v1.WorkOrderManifest
                 * @instance
                 * @returns {Object.<string,*>} JSON object
                 */
                WorkOrderManifest.prototype.toJSON = function() {
                    return WorkOrderManifest.toObject(this, $protobuf.util.toJSONOptions);
                };

                /**
                 * Gets the type url for WorkOrderManifest
                 * @function getTypeUrl
                 * @memberof fieldchain.evidence.v1.WorkOrderManifest
                 * @static
                 * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
                 * @returns {string} The type url
                 */
                WorkOrderManifest.getTypeUrl = function(prefix) {
                    if (prefix === $undefined)
                        prefix = "type.googleapis.com";
                    return prefix + "/fieldchain.evidence.v1.WorkOrderManifest";
                };

                return WorkOrderManifest;
            })();

            return v1;
        })();

        return evidence;
    })();

    return fieldchain;
})();

export {
  $root as default
};
