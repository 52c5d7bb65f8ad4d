/*eslint-disable block-scoped-var, id-length, no-control-regex, no-magic-numbers, no-mixed-operators, no-prototype-builtins, no-redeclare, no-shadow, no-var, sort-vars, default-case, jsdoc/require-param*/
import $protobuf from "protobufjs/minimal.js";

// Common aliases
const $Reader = $protobuf.Reader, $Writer = $protobuf.Writer, $util = $protobuf.util;
const $Object = $util.global.Object, $undefined = $util.global.undefined, $Error = $util.global.Error, $RangeError = $util.global.RangeError, $TypeError = $util.global.TypeError, $Number = $util.global.Number, $String = $util.global.String, $parseInt = $util.global.parseInt, $Boolean = $util.global.Boolean, $BigInt = $util.global.BigInt, $Array = $util.global.Array, $isFinite = $util.global.isFinite;

// Exported root namespace
const $root = $protobuf.roots["default"] || ($protobuf.roots["default"] = {});

export const fieldchain = $root.fieldchain = (() => {

    /**
     * Namespace fieldchain.
     * @exports fieldchain
     * @namespace
     */
    const fieldchain = {};

    fieldchain.device = (function() {

        /**
         * Namespace device.
         * @memberof fieldchain
         * @namespace
         */
        const device = {};

        device.v1 = (function() {

            /**
             * Namespace v1.
             * @memberof fieldchain.device
             * @namespace
             */
            const v1 = {};

            v1.Envelope = (function() {

                /**
                 * Properties of an Envelope.
                 * @typedef {Object} fieldchain.device.v1.Envelope.$Properties
                 * @property {number|null} [seq] Envelope seq
                 * @property {fieldchain.device.v1.HostHello.$Properties|null} [hostHello] Envelope hostHello
                 * @property {fieldchain.device.v1.Hello.$Properties|null} [hello] Envelope hello
                 * @property {fieldchain.device.v1.Reading.$Properties|null} [reading] Envelope reading
                 * @property {fieldchain.device.v1.Ack.$Properties|null} [ack] Envelope ack
                 * @property {fieldchain.device.v1.Command.$Properties|null} [command] Envelope command
                 * @property {fieldchain.device.v1.CommandResult.$Properties|null} [commandResult] Envelope commandResult
                 * @property {fieldchain.device.v1.Event.$Properties|null} [event] Envelope event
                 * @property {fieldchain.device.v1.Heartbeat.$Properties|null} [heartbeat] Envelope heartbeat
                 * @property {fieldchain.device.v1.Error.$Properties|null} [error] Envelope error
                 * @property {fieldchain.device.v1.ImageUpload.$Properties|null} [imageUpload] Envelope imageUpload
                 * @property {fieldchain.device.v1.ImageUploadResult.$Properties|null} [imageUploadResult] Envelope imageUploadResult
                 * @property {fieldchain.device.v1.ImageStateRequest.$Properties|null} [imageStateRequest] Envelope imageStateRequest
                 * @property {fieldchain.device.v1.ImageState.$Properties|null} [imageState] Envelope imageState
                 * @property {fieldchain.device.v1.TimeRequest.$Properties|null} [timeRequest] Envelope timeRequest
                 * @property {fieldchain.device.v1.TimeSync.$Properties|null} [timeSync] Envelope timeSync
                 * @property {"hostHello"|"hello"|"reading"|"ack"|"command"|"commandResult"|"event"|"heartbeat"|"error"|"imageUpload"|"imageUploadResult"|"imageStateRequest"|"imageState"|"timeRequest"|"timeSync"} [body] Envelope body
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */

                /**
                 * Properties of an Envelope.
                 * @memberof fieldchain.device.v1
                 * @interface IEnvelope
                 * @augments fieldchain.device.v1.Envelope.$Properties
                 * @deprecated Use fieldchain.device.v1.Envelope.$Properties instead.
                 */

                /**
                 * Narrowed shape of an Envelope.
                 * @typedef {{
                 *   seq?: number|null;
                 *   hostHello?: fieldchain.device.v1.HostHello.$Shape|null;
                 *   hello?: fieldchain.device.v1.Hello.$Shape|null;
                 *   reading?: fieldchain.device.v1.Reading.$Shape|null;
                 *   ack?: fieldchain.device.v1.Ack.$Shape|null;
                 *   command?: fieldchain.device.v1.Command.$Shape|null;
                 *   commandResult?: fieldchain.device.v1.CommandResult.$Shape|null;
                 *   event?: fieldchain.device.v1.Event.$Shape|null;
                 *   heartbeat?: fieldchain.device.v1.Heartbeat.$Shape|null;
                 *   error?: fieldchain.device.v1.Error.$Shape|null;
                 *   imageUpload?: fieldchain.device.v1.ImageUpload.$Shape|null;
                 *   imageUploadResult?: fieldchain.device.v1.ImageUploadResult.$Shape|null;
                 *   imageStateRequest?: fieldchain.device.v1.ImageStateRequest.$Shape|null;
                 *   imageState?: fieldchain.device.v1.ImageState.$Shape|null;
                 *   timeRequest?: fieldchain.device.v1.TimeRequest.$Shape|null;
                 *   timeSync?: fieldchain.device.v1.TimeSync.$Shape|null;
                 *   $unknowns?: Array.<Uint8Array>;
                 * } & (
                 *   ({ body?: undefined; hostHello?: null; hello?: null; reading?: null; ack?: null; command?: null; commandResult?: null; event?: null; heartbeat?: null; error?: null; imageUpload?: null; imageUploadResult?: null; imageStateRequest?: null; imageState?: null; timeRequest?: null; timeSync?: null }|{ body?: "hostHello"; hostHello: fieldchain.device.v1.HostHello.$Shape; hello?: null; reading?: null; ack?: null; command?: null; commandResult?: null; event?: null; heartbeat?: null; error?: null; imageUpload?: null; imageUploadResult?: null; imageStateRequest?: null; imageState?: null; timeRequest?: null; timeSync?: null }|{ body?: "hello"; hostHello?: null; hello: fieldchain.device.v1.Hello.$Shape; reading?: null; ack?: null; command?: null; commandResult?: null; event?: null; heartbeat?: null; error?: null; imageUpload?: null; imageUploadResult?: null; imageStateRequest?: null; imageState?: null; timeRequest?: null; timeSync?: null }|{ body?: "reading"; hostHello?: null; hello?: null; reading: fieldchain.device.v1.Reading.$Shape; ack?: null; command?: null; commandResult?: null; event?: null; heartbeat?: null; error?: null; imageUpload?: null; imageUploadResult?: null; imageStateRequest?: null; imageState?: null; timeRequest?: null; timeSync?: null }|{ body?: "ack"; hostHello?: null; hello?: null; reading?: null; ack: fieldchain.device.v1.Ack.$Shape; command?: null; commandResult?: null; event?: null; heartbeat?: null; error?: null; imageUpload?: null; imageUploadResult?: null; imageStateRequest?: null; imageState?: null; timeRequest?: null; timeSync?: null }|{ body?: "command"; hostHello?: null; hello?: null; reading?: null; ack?: null; command: fieldchain.device.v1.Command.$Shape; commandResult?: null; event?: null; heartbeat?: null; error?: null; imageUpload?: null; imageUploadResult?: null; imageStateRequest?: null; imageState?: null; timeRequest?: null; timeSync?: null }|{ body?: "commandResult"; hostHello?: null; hello?: null; reading?: null; ack?: null; command?: null; commandResult: fieldchain.device.v1.CommandResult.$Shape; event?: null; heartbeat?: null; error?: null; imageUpload?: null; imageUploadResult?: null; imageStateRequest?: null; imageState?: null; timeRequest?: null; timeSync?: null }|{ body?: "event"; hostHello?: null; hello?: null; reading?: null; ack?: null; command?: null; commandResult?: null; event: fieldchain.device.v1.Event.$Shape; heartbeat?: null; error?: null; imageUpload?: null; imageUploadResult?: null; imageStateRequest?: null; imageState?: null; timeRequest?: null; timeSync?: null }|{ body?: "heartbeat"; hostHello?: null; hello?: null; reading?: null; ack?: null; command?: null; commandResult?: null; event?: null; heartbeat: fieldchain.device.v1.Heartbeat.$Shape; error?: null; imageUpload?: null; imageUploadResult?: null; imageStateRequest?: null; imageState?: null; timeRequest?: null; timeSync?: null }|{ body?: "error"; hostHello?: null; hello?: null; reading?: null; ack?: null; command?: null; commandResult?: null; event?: null; heartbeat?: null; error: fieldchain.device.v1.Error.$Shape; imageUpload?: null; imageUploadResult?: null; imageStateRequest?: null; imageState?: null; timeRequest?: null; timeSync?: null }|{ body?: "imageUpload"; hostHello?: null; hello?: null; reading?: null; ack?: null; command?: null; commandResult?: null; event?: null; heartbeat?: null; error?: null; imageUpload: fieldchain.device.v1.ImageUpload.$Shape; imageUploadResult?: null; imageStateRequest?: null; imageState?: null; timeRequest?: null; timeSync?: null }|{ body?: "imageUploadResult"; hostHello?: null; hello?: null; reading?: null; ack?: null; command?: null; commandResult?: null; event?: null; heartbeat?: null; error?: null; imageUpload?: null; imageUploadResult: fieldchain.device.v1.ImageUploadResult.$Shape; imageStateRequest?: null; imageState?: null; timeRequest?: null; timeSync?: null }|{ body?: "imageStateRequest"; hostHello?: null; hello?: null; reading?: null; ack?: null; command?: null; commandResult?: null; event?: null; heartbeat?: null; error?: null; imageUpload?: null; imageUploadResult?: null; imageStateRequest: fieldchain.device.v1.ImageStateRequest.$Shape; imageState?: null; timeRequest?: null; timeSync?: null }|{ body?: "imageState"; hostHello?: null; hello?: null; reading?: null; ack?: null; command?: null; commandResult?: null; event?: null; heartbeat?: null; error?: null; imageUpload?: null; imageUploadResult?: null; imageStateRequest?: null; imageState: fieldchain.device.v1.ImageState.$Shape; timeRequest?: null; timeSync?: null }|{ body?: "timeRequest"; hostHello?: null; hello?: null; reading?: null; ack?: null; command?: null; commandResult?: null; event?: null; heartbeat?: null; error?: null; imageUpload?: null; imageUploadResult?: null; imageStateRequest?: null; imageState?: null; timeRequest: fieldchain.device.v1.TimeRequest.$Shape; timeSync?: null }|{ body?: "timeSync"; hostHello?: null; hello?: null; reading?: null; ack?: null; command?: null; commandResult?: null; event?: null; heartbeat?: null; error?: null; imageUpload?: null; imageUploadResult?: null; imageStateRequest?: null; imageState?: null; timeRequest?: null; timeSync: fieldchain.device.v1.TimeSync.$Shape })
                 * )} fieldchain.device.v1.Envelope.$Shape
                 */

                /**
                 * Constructs a new Envelope.
                 * @memberof fieldchain.device.v1
                 * @classdesc Represents an Envelope.
                 * @constructor
                 * @param {fieldchain.device.v1.Envelope.$Properties=} [properties] Properties to set
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */
                const Envelope = function (properties) {
                    if (properties)
                        for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                /**
                 * Envelope seq.
                 * @member {number} seq
                 * @memberof fieldchain.device.v1.Envelope
                 * @instance
                 */
                Envelope.prototype.seq = 0;

                /**
                 * Envelope hostHello.
                 * @member {fieldchain.device.v1.HostHello.$Properties|null|undefined} hostHello
                 * @memberof fieldchain.device.v1.Envelope
                 * @instance
                 */
                Envelope.prototype.hostHello = null;

                /**
                 * Envelope hello.
                 * @member {fieldchain.device.v1.Hello.$Properties|null|undefined} hello
                 * @memberof fieldchain.device.v1.Envelope
                 * @instance
                 */
                Envelope.prototype.hello = null;

                /**
                 * Envelope reading.
                 * @member {fieldchain.device.v1.Reading.$Properties|null|undefined} reading
                 * @memberof fieldchain.device.v1.Envelope
                 * @instance
                 */
                Envelope.prototype.reading = null;

                /**
                 * Envelope ack.
                 * @member {fieldchain.device.v1.Ack.$Properties|null|undefined} ack
                 * @memberof fieldchain.device.v1.Envelope
                 * @instance
                 */
                Envelope.prototype.ack = null;

                /**
                 * Envelope command.
                 * @member {fieldchain.device.v1.Command.$Properties|null|undefined} command
                 * @memberof fieldchain.device.v1.Envelope
                 * @instance
                 */
                Envelope.prototype.command = null;

                /**
                 * Envelope commandResult.
                 * @member {fieldchain.device.v1.CommandResult.$Properties|null|undefined} commandResult
                 * @memberof fieldchain.device.v1.Envelope
                 * @instance
                 */
                Envelope.prototype.commandResult = null;

                /**
                 * Envelope event.
                 * @member {fieldchain.device.v1.Event.$Properties|null|undefined} event
                 * @memberof fieldchain.device.v1.Envelope
                 * @instance
                 */
                Envelope.prototype.event = null;

                /**
                 * Envelope heartbeat.
                 * @member {fieldchain.device.v1.Heartbeat.$Properties|null|undefined} heartbeat
                 * @memberof fieldchain.device.v1.Envelope
                 * @instance
                 */
                Envelope.prototype.heartbeat = null;

                /**
                 * Envelope error.
                 * @member {fieldchain.device.v1.Error.$Properties|null|undefined} error
                 * @memberof fieldchain.device.v1.Envelope
                 * @instance
                 */
                Envelope.prototype.error = null;

                /**
                 * Envelope imageUpload.
                 * @member {fieldchain.device.v1.ImageUpload.$Properties|null|undefined} imageUpload
                 * @memberof fieldchain.device.v1.Envelope
                 * @instance
                 */
                Envelope.prototype.imageUpload = null;

                /**
                 * Envelope imageUploadResult.
                 * @member {fieldchain.device.v1.ImageUploadResult.$Properties|null|undefined} imageUploadResult
                 * @memberof fieldchain.device.v1.Envelope
                 * @instance
                 */
                Envelope.prototype.imageUploadResult = null;

                /**
                 * Envelope imageStateRequest.
                 * @member {fieldchain.device.v1.ImageStateRequest.$Properties|null|undefined} imageStateRequest
                 * @memberof fieldchain.device.v1.Envelope
                 * @instance
                 */
                Envelope.prototype.imageStateRequest = null;

                /**
                 * Envelope imageState.
                 * @member {fieldchain.device.v1.ImageState.$Properties|null|undefined} imageState
                 * @memberof fieldchain.device.v1.Envelope
                 * @instance
                 */
                Envelope.prototype.imageState = null;

                /**
                 * Envelope timeRequest.
                 * @member {fieldchain.device.v1.TimeRequest.$Properties|null|undefined} timeRequest
                 * @memberof fieldchain.device.v1.Envelope
                 * @instance
                 */
                Envelope.prototype.timeRequest = null;

                /**
                 * Envelope timeSync.
                 * @member {fieldchain.device.v1.TimeSync.$Properties|null|undefined} timeSync
                 * @memberof fieldchain.device.v1.Envelope
                 * @instance
                 */
                Envelope.prototype.timeSync = null;

                // OneOf field names bound to virtual getters and setters
                let $oneOfFields;

                /**
                 * Envelope body.
                 * @member {"hostHello"|"hello"|"reading"|"ack"|"command"|"commandResult"|"event"|"heartbeat"|"error"|"imageUpload"|"imageUploadResult"|"imageStateRequest"|"imageState"|"timeRequest"|"timeSync"|undefined} body
                 * @memberof fieldchain.device.v1.Envelope
                 * @instance
                 */
                $Object.defineProperty(Envelope.prototype, "body", {
                    get: $util.oneOfGetter($oneOfFields = ["hostHello", "hello", "reading", "ack", "command", "commandResult", "event", "heartbeat", "error", "imageUpload", "imageUploadResult", "imageStateRequest", "imageState", "timeRequest", "timeSync"]),
                    set: $util.oneOfSetter($oneOfFields)
                });

                /**
                 * Creates a new Envelope instance using the specified properties.
                 * @function create
                 * @memberof fieldchain.device.v1.Envelope
                 * @static
                 * @param {fieldchain.device.v1.Envelope.$Properties=} [properties] Properties to set
                 * @returns {fieldchain.device.v1.Envelope} Envelope instance
                 * @type {{
                 *   (properties: fieldchain.device.v1.Envelope.$Shape): fieldchain.device.v1.Envelope & fieldchain.device.v1.Envelope.$Shape;
                 *   (properties?: fieldchain.device.v1.Envelope.$Properties): fieldchain.device.v1.Envelope;
                 * }}
                 */
                Envelope.create = function(properties) {
                    return new Envelope(properties);
                };

                /**
                 * Encodes the specified Envelope message. Does not implicitly {@link fieldchain.device.v1.Envelope.verify|verify} messages.
                 * @function encode
                 * @memberof fieldchain.device.v1.Envelope
                 * @static
                 * @param {fieldchain.device.v1.Envelope.$Properties} message Envelope message or plain object to encode
                 * @param {$protobuf.Writer} [writer] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                Envelope.encode = function (message, writer, _depth) {
                    if (!writer)
                        writer = $Writer.create();
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (message.seq != null && $Object.hasOwnProperty.call(message, "seq") && message.seq !== 0)
                        writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.seq);
                    if (message.hostHello != null && $Object.hasOwnProperty.call(message, "hostHello"))
                        $root.fieldchain.device.v1.HostHello.encode(message.hostHello, writer.uint32(/* id 10, wireType 2 =*/82).fork(), _depth + 1).ldelim();
                    if (message.hello != null && $Object.hasOwnProperty.call(message, "hello"))
                        $root.fieldchain.device.v1.Hello.encode(message.hello, writer.uint32(/* id 11, wireType 2 =*/90).fork(), _depth + 1).ldelim();
                    if (message.reading != null && $Object.hasOwnProperty.call(message, "reading"))
                        $root.fieldchain.device.v1.Reading.encode(message.reading, writer.uint32(/* id 12, wireType 2 =*/98).fork(), _depth + 1).ldelim();
                    if (message.ack != null && $Object.hasOwnProperty.call(message, "ack"))
                        $root.fieldchain.device.v1.Ack.encode(message.ack, writer.uint32(/* id 13, wireType 2 =*/106).fork(), _depth + 1).ldelim();
                    if (message.command != null && $Object.hasOwnProperty.call(message, "command"))
                        $root.fieldchain.device.v1.Command.encode(message.command, writer.uint32(/* id 14, wireType 2 =*/114).fork(), _depth + 1).ldelim();
                    if (message.commandResult != null && $Object.hasOwnProperty.call(message, "commandResult"))
                        $root.fieldchain.device.v1.CommandResult.encode(message.commandResult, writer.uint32(/* id 15, wireType 2 =*/122).fork(), _depth + 1).ldelim();
                    if (message.event != null && $Object.hasOwnProperty.call(message, "event"))
                        $root.fieldchain.device.v1.Event.encode(message.event, writer.uint32(/* id 16, wireType 2 =*/130).fork(), _depth + 1).ldelim();
                    if (message.heartbeat != null && $Object.hasOwnProperty.call(message, "heartbeat"))
                        $root.fieldchain.device.v1.Heartbeat.encode(message.heartbeat, writer.uint32(/* id 17, wireType 2 =*/138).fork(), _depth + 1).ldelim();
                    if (message.error != null && $Object.hasOwnProperty.call(message, "error"))
                        $root.fieldchain.device.v1.Error.encode(message.error, writer.uint32(/* id 18, wireType 2 =*/146).fork(), _depth + 1).ldelim();
                    if (message.imageUpload != null && $Object.hasOwnProperty.call(message, "imageUpload"))
                        $root.fieldchain.device.v1.ImageUpload.encode(message.imageUpload, writer.uint32(/* id 19, wireType 2 =*/154).fork(), _depth + 1).ldelim();
                    if (message.imageUploadResult != null && $Object.hasOwnProperty.call(message, "imageUploadResult"))
                        $root.fieldchain.device.v1.ImageUploadResult.encode(message.imageUploadResult, writer.uint32(/* id 20, wireType 2 =*/162).fork(), _depth + 1).ldelim();
                    if (message.imageStateRequest != null && $Object.hasOwnProperty.call(message, "imageStateRequest"))
                        $root.fieldchain.device.v1.ImageStateRequest.encode(message.imageStateRequest, writer.uint32(/* id 21, wireType 2 =*/170).fork(), _depth + 1).ldelim();
                    if (message.imageState != null && $Object.hasOwnProperty.call(message, "imageState"))
                        $root.fieldchain.device.v1.ImageState.encode(message.imageState, writer.uint32(/* id 22, wireType 2 =*/178).fork(), _depth + 1).ldelim();
                    if (message.timeRequest != null && $Object.hasOwnProperty.call(message, "timeRequest"))
                        $root.fieldchain.device.v1.TimeRequest.encode(message.timeRequest, writer.uint32(/* id 23, wireType 2 =*/186).fork(), _depth + 1).ldelim();
                    if (message.timeSync != null && $Object.hasOwnProperty.call(message, "timeSync"))
                        $root.fieldchain.device.v1.TimeSync.encode(message.timeSync, writer.uint32(/* id 24, wireType 2 =*/194).fork(), _depth + 1).ldelim();
                    if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                        for (let i = 0; i < message.$unknowns.length; ++i)
                            writer.raw(message.$unknowns[i]);
                    return writer;
                };

                /**
                 * Decodes an Envelope message from the specified reader or buffer.
                 * @function decode
                 * @memberof fieldchain.device.v1.Envelope
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                 * @param {number} [length] Message length if known beforehand
                 * @returns {fieldchain.device.v1.Envelope & fieldchain.device.v1.Envelope.$Shape} Envelope
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                Envelope.decode = function (reader, length, _end, _depth, _target) {
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
                    message = _target || new $root.fieldchain.device.v1.Envelope();
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
                                if (wireType !== 0)
                                    break;
                                if (value = reader.uint32())
                                    message.seq = value;
                                else
                                    delete message.seq;
                                continue;
                            }
                        case 10: {
                                if (wireType !== 2)
                                    break;
                                message.hostHello = $root.fieldchain.device.v1.HostHello.decode(reader, reader.size(), $undefined, _depth + 1, message.hostHello);
                                message.body = "hostHello";
                                continue;
                            }
                        case 11: {
                                if (wireType !== 2)
                                    break;
                                message.hello = $root.fieldchain.device.v1.Hello.decode(reader, reader.size(), $undefined, _depth + 1, message.hello);
                                message.body = "hello";
                                continue;
                            }
                        case 12: {
                                if (wireType !== 2)
                                    break;
                                message.reading = $root.fieldchain.device.v1.Reading.decode(reader, reader.size(), $undefined, _depth + 1, message.reading);
                                message.body = "reading";
                                continue;
                            }
                        case 13: {
                                if (wireType !== 2)
                                    break;
                                message.ack = $root.fieldchain.device.v1.Ack.decode(reader, reader.size(), $undefined, _depth + 1, message.ack);
                                message.body = "ack";
                                continue;
                            }
                        case 14: {
                                if (wireType !== 2)
                                    break;
                                message.command = $root.fieldchain.device.v1.Command.decode(reader, reader.size(), $undefined, _depth + 1, message.command);
                                message.body = "command";
                                continue;
                            }
                        case 15: {
                                if (wireType !== 2)
                                    break;
                                message.commandResult = $root.fieldchain.device.v1.CommandResult.decode(reader, reader.size(), $undefined, _depth + 1, message.commandResult);
                                message.body = "commandResult";
                                continue;
                            }
                        case 16: {
                                if (wireType !== 2)
                                    break;
                                message.event = $root.fieldchain.device.v1.Event.decode(reader, reader.size(), $undefined, _depth + 1, message.event);
                                message.body = "event";
                                continue;
                            }
                        case 17: {
                                if (wireType !== 2)
                                    break;
                                message.heartbeat = $root.fieldchain.device.v1.Heartbeat.decode(reader, reader.size(), $undefined, _depth + 1, message.heartbeat);
                                message.body = "heartbeat";
                                continue;
                            }
                        case 18: {
                                if (wireType !== 2)
                                    break;
                                message.error = $root.fieldchain.device.v1.Error.decode(reader, reader.size(), $undefined, _depth + 1, message.error);
                                message.body = "error";
                                continue;
                            }
                        case 19: {
                                if (wireType !== 2)
                                    break;
                                message.imageUpload = $root.fieldchain.device.v1.ImageUpload.decode(reader, reader.size(), $undefined, _depth + 1, message.imageUpload);
                                message.body = "imageUpload";
                                continue;
                            }
                        case 20: {
                                if (wireType !== 2)
                                    break;
                                message.imageUploadResult = $root.fieldchain.device.v1.ImageUploadResult.decode(reader, reader.size(), $undefined, _depth + 1, message.imageUploadResult);
                                message.body = "imageUploadResult";
                                continue;
                            }
                        case 21: {
                                if (wireType !== 2)
                                    break;
                                message.imageStateRequest = $root.fieldchain.device.v1.ImageStateRequest.decode(reader, reader.size(), $undefined, _depth + 1, message.imageStateRequest);
                                message.body = "imageStateRequest";
                                continue;
                            }
                        case 22: {
                                if (wireType !== 2)
                                    break;
                                message.imageState = $root.fieldchain.device.v1.ImageState.decode(reader, reader.size(), $undefined, _depth + 1, message.imageState);
                                message.body = "imageState";
                                continue;
                            }
                        case 23: {
                                if (wireType !== 2)
                                    break;
                                message.timeRequest = $root.fieldchain.device.v1.TimeRequest.decode(reader, reader.size(), $undefined, _depth + 1, message.timeRequest);
                                message.body = "timeRequest";
                                continue;
                            }
                        case 24: {
                                if (wireType !== 2)
                                    break;
                                message.timeSync = $root.fieldchain.device.v1.TimeSync.decode(reader, reader.size(), $undefined, _depth + 1, message.timeSync);
                                message.body = "timeSync";
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
                 * Creates an Envelope message from a plain object. Also converts values to their respective internal types.
                 * @function fromObject
                 * @memberof fieldchain.device.v1.Envelope
                 * @static
                 * @param {Object.<string,*>} object Plain object
                 * @returns {fieldchain.device.v1.Envelope} Envelope
                 */
                Envelope.fromObject = function (object, _depth) {
                    if (object instanceof $root.fieldchain.device.v1.Envelope)
                        return object;
                    if (!$util.isObject(object))
                        throw $TypeError(".fieldchain.device.v1.Envelope: object expected");
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let message = new $root.fieldchain.device.v1.Envelope();
                    if (object.seq != null)
                        if ($Number(object.seq) !== 0)
                            message.seq = object.seq >>> 0;
                    if (object.hostHello != null) {
                        if (!$util.isObject(object.hostHello))
                            throw $TypeError(".fieldchain.device.v1.Envelope.hostHello: object expected");
                        message.hostHello = $root.fieldchain.device.v1.HostHello.fromObject(object.hostHello, _depth + 1);
                    }
                    if (object.hello != null) {
                        if (!$util.isObject(object.hello))
                            throw $TypeError(".fieldchain.device.v1.Envelope.hello: object expected");
                        message.hello = $root.fieldchain.device.v1.Hello.fromObject(object.hello, _depth + 1);
                    }
                    if (object.reading != null) {
                        if (!$util.isObject(object.reading))
                            throw $TypeError(".fieldchain.device.v1.Envelope.reading: object expected");
                        message.reading = $root.fieldchain.device.v1.Reading.fromObject(object.reading, _depth + 1);
                    }
                    if (object.ack != null) {
                        if (!$util.isObject(object.ack))
                            throw $TypeError(".fieldchain.device.v1.Envelope.ack: object expected");
                        message.ack = $root.fieldchain.device.v1.Ack.fromObject(object.ack, _depth + 1);
                    }
                    if (object.command != null) {
                        if (!$util.isObject(object.command))
                            throw $TypeError(".fieldchain.device.v1.Envelope.command: object expected");
                        message.command = $root.fieldchain.device.v1.Command.fromObject(object.command, _depth + 1);
                    }
                    if (object.commandResult != null) {
                        if (!$util.isObject(object.commandResult))
                            throw $TypeError(".fieldchain.device.v1.Envelope.commandResult: object expected");
                        message.commandResult = $root.fieldchain.device.v1.CommandResult.fromObject(object.commandResult, _depth + 1);
                    }
                    if (object.event != null) {
                        if (!$util.isObject(object.event))
                            throw $TypeError(".fieldchain.device.v1.Envelope.event: object expected");
                        message.event = $root.fieldchain.device.v1.Event.fromObject(object.event, _depth + 1);
                    }
                    if (object.heartbeat != null) {
                        if (!$util.isObject(object.heartbeat))
                            throw $TypeError(".fieldchain.device.v1.Envelope.heartbeat: object expected");
                        message.heartbeat = $root.fieldchain.device.v1.Heartbeat.fromObject(object.heartbeat, _depth + 1);
                    }
                    if (object.error != null) {
                        if (!$util.isObject(object.error))
                            throw $TypeError(".fieldchain.device.v1.Envelope.error: object expected");
                        message.error = $root.fieldchain.device.v1.Error.fromObject(object.error, _depth + 1);
                    }
                    if (object.imageUpload != null) {
                        if (!$util.isObject(object.imageUpload))
                            throw $TypeError(".fieldchain.device.v1.Envelope.imageUpload: object expected");
                        message.imageUpload = $root.fieldchain.device.v1.ImageUpload.fromObject(object.imageUpload, _depth + 1);
                    }
                    if (object.imageUploadResult != null) {
                        if (!$util.isObject(object.imageUploadResult))
                            throw $TypeError(".fieldchain.device.v1.Envelope.imageUploadResult: object expected");
                        message.imageUploadResult = $root.fieldchain.device.v1.ImageUploadResult.fromObject(object.imageUploadResult, _depth + 1);
                    }
                    if (object.imageStateRequest != null) {
                        if (!$util.isObject(object.imageStateRequest))
                            throw $TypeError(".fieldchain.device.v1.Envelope.imageStateRequest: object expected");
                        message.imageStateRequest = $root.fieldchain.device.v1.ImageStateRequest.fromObject(object.imageStateRequest, _depth + 1);
                    }
                    if (object.imageState != null) {
                        if (!$util.isObject(object.imageState))
                            throw $TypeError(".fieldchain.device.v1.Envelope.imageState: object expected");
                        message.imageState = $root.fieldchain.device.v1.ImageState.fromObject(object.imageState, _depth + 1);
                    }
                    if (object.timeRequest != null) {
                        if (!$util.isObject(object.timeRequest))
                            throw $TypeError(".fieldchain.device.v1.Envelope.timeRequest: object expected");
                        message.timeRequest = $root.fieldchain.device.v1.TimeRequest.fromObject(object.timeRequest, _depth + 1);
                    }
                    if (object.timeSync != null) {
                        if (!$util.isObject(object.timeSync))
                            throw $TypeError(".fieldchain.device.v1.Envelope.timeSync: object expected");
                        message.timeSync = $root.fieldchain.device.v1.TimeSync.fromObject(object.timeSync, _depth + 1);
                    }
                    return message;
                };

                /**
                 * Creates a plain object from an Envelope message. Also converts values to other types if specified.
                 * @function toObject
                 * @memberof fieldchain.device.v1.Envelope
                 * @static
                 * @param {fieldchain.device.v1.Envelope} message Envelope
                 * @param {$protobuf.IConversionOptions} [options] Conversion options
                 * @returns {Object.<string,*>} Plain object
                 */
                Envelope.toObject = function (message, options, _depth) {
                    if (!options)
                        options = {};
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let object = {};
                    if (options.defaults)
                        object.seq = 0;
                    if (message.seq != null && $Object.hasOwnProperty.call(message, "seq"))
                        object.seq = message.seq;
                    if (message.hostHello != null && $Object.hasOwnProperty.call(message, "hostHello")) {
                        object.hostHello = $root.fieldchain.device.v1.HostHello.toObject(message.hostHello, options, _depth + 1);
                        if (options.oneofs)
                            object.body = "hostHello";
                    }
                    if (message.hello != null && $Object.hasOwnProperty.call(message, "hello")) {
                        object.hello = $root.fieldchain.device.v1.Hello.toObject(message.hello, options, _depth + 1);
                        if (options.oneofs)
                            object.body = "hello";
                    }
                    if (message.reading != null && $Object.hasOwnProperty.call(message, "reading")) {
                        object.reading = $root.fieldchain.device.v1.Reading.toObject(message.reading, options, _depth + 1);
                        if (options.oneofs)
                            object.body = "reading";
                    }
                    if (message.ack != null && $Object.hasOwnProperty.call(message, "ack")) {
                        object.ack = $root.fieldchain.device.v1.Ack.toObject(message.ack, options, _depth + 1);
                        if (options.oneofs)
                            object.body = "ack";
                    }
                    if (message.command != null && $Object.hasOwnProperty.call(message, "command")) {
                        object.command = $root.fieldchain.device.v1.Command.toObject(message.command, options, _depth + 1);
                        if (options.oneofs)
                            object.body = "command";
                    }
                    if (message.commandResult != null && $Object.hasOwnProperty.call(message, "commandResult")) {
                        object.commandResult = $root.fieldchain.device.v1.CommandResult.toObject(message.commandResult, options, _depth + 1);
                        if (options.oneofs)
                            object.body = "commandResult";
                    }
                    if (message.event != null && $Object.hasOwnProperty.call(message, "event")) {
                        object.event = $root.fieldchain.device.v1.Event.toObject(message.event, options, _depth + 1);
                        if (options.oneofs)
                            object.body = "event";
                    }
                    if (message.heartbeat != null && $Object.hasOwnProperty.call(message, "heartbeat")) {
                        object.heartbeat = $root.fieldchain.device.v1.Heartbeat.toObject(message.heartbeat, options, _depth + 1);
                        if (options.oneofs)
                            object.body = "heartbeat";
                    }
                    if (message.error != null && $Object.hasOwnProperty.call(message, "error")) {
                        object.error = $root.fieldchain.device.v1.Error.toObject(message.error, options, _depth + 1);
                        if (options.oneofs)
                            object.body = "error";
                    }
                    if (message.imageUpload != null && $Object.hasOwnProperty.call(message, "imageUpload")) {
                        object.imageUpload = $root.fieldchain.device.v1.ImageUpload.toObject(message.imageUpload, options, _depth + 1);
                        if (options.oneofs)
                            object.body = "imageUpload";
                    }
                    if (message.imageUploadResult != null && $Object.hasOwnProperty.call(message, "imageUploadResult")) {
                        object.imageUploadResult = $root.fieldchain.device.v1.ImageUploadResult.toObject(message.imageUploadResult, options, _depth + 1);
                        if (options.oneofs)
                            object.body = "imageUploadResult";
                    }
                    if (message.imageStateRequest != null && $Object.hasOwnProperty.call(message, "imageStateRequest")) {
                        object.imageStateRequest = $root.fieldchain.device.v1.ImageStateRequest.toObject(message.imageStateRequest, options, _depth + 1);
                        if (options.oneofs)
                            object.body = "imageStateRequest";
                    }
                    if (message.imageState != null && $Object.hasOwnProperty.call(message, "imageState")) {
                        object.imageState = $root.fieldchain.device.v1.ImageState.toObject(message.imageState, options, _depth + 1);
                        if (options.oneofs)
                            object.body = "imageState";
                    }
                    if (message.timeRequest != null && $Object.hasOwnProperty.call(message, "timeRequest")) {
                        object.timeRequest = $root.fieldchain.device.v1.TimeRequest.toObject(message.timeRequest, options, _depth + 1);
                        if (options.oneofs)
                            object.body = "timeRequest";
                    }
                    if (message.timeSync != null && $Object.hasOwnProperty.call(message, "timeSync")) {
                        object.timeSync = $root.fieldchain.device.v1.TimeSync.toObject(message.timeSync, options, _depth + 1);
                        if (options.oneofs)
                            object.body = "timeSync";
                    }
                    return object;
                };

                /**
                 * Converts this Envelope to JSON.
                 * @function toJSON
                 * @memberof fieldchain.device.v1.Envelope
                 * @instance
                 * @returns {Object.<string,*>} JSON object
                 */
                Envelope.prototype.toJSON = function() {
                    return Envelope.toObject(this, $protobuf.util.toJSONOptions);
                };

                /**
                 * Gets the type url for Envelope
                 * @function getTypeUrl
                 * @memberof fieldchain.device.v1.Envelope
                 * @static
                 * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
                 * @returns {string} The type url
                 */
                Envelope.getTypeUrl = function(prefix) {
                    if (prefix === $undefined)
                        prefix = "type.googleapis.com";
                    return prefix + "/fieldchain.device.v1.Envelope";
                };

                return Envelope;
            })();

            v1.HostHello = (function() {

                /**
                 * Properties of a HostHello.
                 * @typedef {Object} fieldchain.device.v1.HostHello.$Properties
                 * @property {string|null} [gatewayId] HostHello gatewayId
                 * @property {number|null} [protocolMajor] HostHello protocolMajor
                 * @property {number|null} [protocolMinor] HostHello protocolMinor
                 * @property {number|null} [maxPayload] HostHello maxPayload
                 * @property {number|null} [hostTimeUs] HostHello hostTimeUs
                 * @property {boolean|null} [maintenance] HostHello maintenance
                 * @property {fieldchain.device.v1.TimeQuality|null} [hostTimeQuality] HostHello hostTimeQuality
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */

                /**
                 * Properties of a HostHello.
                 * @memberof fieldchain.device.v1
                 * @interface IHostHello
                 * @augments fieldchain.device.v1.HostHello.$Properties
                 * @deprecated Use fieldchain.device.v1.HostHello.$Properties instead.
                 */

                /**
                 * Shape of a HostHello.
                 * @typedef {fieldchain.device.v1.HostHello.$Properties} fieldchain.device.v1.HostHello.$Shape
                 */

                /**
                 * Constructs a new HostHello.
                 * @memberof fieldchain.device.v1
                 * @classdesc Represents a HostHello.
                 * @constructor
                 * @param {fieldchain.device.v1.HostHello.$Properties=} [properties] Properties to set
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */
                const HostHello = function (properties) {
                    if (properties)
                        for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                /**
                 * HostHello gatewayId.
                 * @member {string} gatewayId
                 * @memberof fieldchain.device.v1.HostHello
                 * @instance
                 */
                HostHello.prototype.gatewayId = "";

                /**
                 * HostHello protocolMajor.
                 * @member {number} protocolMajor
                 * @memberof fieldchain.device.v1.HostHello
                 * @instance
                 */
                HostHello.prototype.protocolMajor = 0;

                /**
                 * HostHello protocolMinor.
                 * @member {number} protocolMinor
                 * @memberof fieldchain.device.v1.HostHello
                 * @instance
                 */
                HostHello.prototype.protocolMinor = 0;

                /**
                 * HostHello maxPayload.
                 * @member {number} maxPayload
                 * @memberof fieldchain.device.v1.HostHello
                 * @instance
                 */
                HostHello.prototype.maxPayload = 0;

                /**
                 * HostHello hostTimeUs.
                 * @member {number} hostTimeUs
                 * @memberof fieldchain.device.v1.HostHello
                 * @instance
                 */
                HostHello.prototype.hostTimeUs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

                /**
                 * HostHello maintenance.
                 * @member {boolean} maintenance
                 * @memberof fieldchain.device.v1.HostHello
                 * @instance
                 */
                HostHello.prototype.maintenance = false;

                /**
                 * HostHello hostTimeQuality.
                 * @member {fieldchain.device.v1.TimeQuality} hostTimeQuality
                 * @memberof fieldchain.device.v1.HostHello
                 * @instance
                 */
                HostHello.prototype.hostTimeQuality = 0;

                /**
                 * Creates a new HostHello instance using the specified properties.
                 * @function create
                 * @memberof fieldchain.device.v1.HostHello
                 * @static
                 * @param {fieldchain.device.v1.HostHello.$Properties=} [properties] Properties to set
                 * @returns {fieldchain.device.v1.HostHello} HostHello instance
                 * @type {{
                 *   (properties: fieldchain.device.v1.HostHello.$Shape): fieldchain.device.v1.HostHello & fieldchain.device.v1.HostHello.$Shape;
                 *   (properties?: fieldchain.device.v1.HostHello.$Properties): fieldchain.device.v1.HostHello;
                 * }}
                 */
                HostHello.create = function(properties) {
                    return new HostHello(properties);
                };

                /**
                 * Encodes the specified HostHello message. Does not implicitly {@link fieldchain.device.v1.HostHello.verify|verify} messages.
                 * @function encode
                 * @memberof fieldchain.device.v1.HostHello
                 * @static
                 * @param {fieldchain.device.v1.HostHello.$Properties} message HostHello message or plain object to encode
                 * @param {$protobuf.Writer} [writer] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                HostHello.encode = function (message, writer, _depth) {
                    if (!writer)
                        writer = $Writer.create();
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (message.gatewayId != null && $Object.hasOwnProperty.call(message, "gatewayId") && message.gatewayId !== "")
                        writer.uint32(/* id 1, wireType 2 =*/10).string(message.gatewayId);
                    if (message.protocolMajor != null && $Object.hasOwnProperty.call(message, "protocolMajor") && message.protocolMajor !== 0)
                        writer.uint32(/* id 2, wireType 0 =*/16).uint32(message.protocolMajor);
                    if (message.protocolMinor != null && $Object.hasOwnProperty.call(message, "protocolMinor") && message.protocolMinor !== 0)
                        writer.uint32(/* id 3, wireType 0 =*/24).uint32(message.protocolMinor);
                    if (message.maxPayload != null && $Object.hasOwnProperty.call(message, "maxPayload") && message.maxPayload !== 0)
                        writer.uint32(/* id 4, wireType 0 =*/32).uint32(message.maxPayload);
                    if (message.hostTimeUs != null && $Object.hasOwnProperty.call(message, "hostTimeUs") && (typeof message.hostTimeUs === "object" ? message.hostTimeUs.low || message.hostTimeUs.high : message.hostTimeUs !== 0))
                        writer.uint32(/* id 5, wireType 0 =*/40).uint64(message.hostTimeUs);
                    if (message.maintenance != null && $Object.hasOwnProperty.call(message, "maintenance") && message.maintenance !== false)
                        writer.uint32(/* id 6, wireType 0 =*/48).bool(message.maintenance);
                    if (message.hostTimeQuality != null && $Object.hasOwnProperty.call(message, "hostTimeQuality") && message.hostTimeQuality !== 0)
                        writer.uint32(/* id 7, wireType 0 =*/56).int32(message.hostTimeQuality);
                    if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                        for (let i = 0; i < message.$unknowns.length; ++i)
                            writer.raw(message.$unknowns[i]);
                    return writer;
                };

                /**
                 * Decodes a HostHello message from the specified reader or buffer.
                 * @function decode
                 * @memberof fieldchain.device.v1.HostHello
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                 * @param {number} [length] Message length if known beforehand
                 * @returns {fieldchain.device.v1.HostHello & fieldchain.device.v1.HostHello.$Shape} HostHello
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                HostHello.decode = function (reader, length, _end, _depth, _target) {
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
                    message = _target || new $root.fieldchain.device.v1.HostHello();
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
                                if (value = reader.uint32())
                                    message.protocolMajor = value;
                                else
                                    delete message.protocolMajor;
                                continue;
                            }
                        case 3: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.uint32())
                                    message.protocolMinor = value;
                                else
                                    delete message.protocolMinor;
                                continue;
                            }
                        case 4: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.uint32())
                                    message.maxPayload = value;
                                else
                                    delete message.maxPayload;
                                continue;
                            }
                        case 5: {
                                if (wireType !== 0)
                                    break;
                                if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                    message.hostTimeUs = value;
                                else
                                    delete message.hostTimeUs;
                                continue;
                            }
                        case 6: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.bool())
                                    message.maintenance = value;
                                else
                                    delete message.maintenance;
                                continue;
                            }
                        case 7: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.int32())
                                    message.hostTimeQuality = value;
                                else
                                    delete message.hostTimeQuality;
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
                 * Creates a HostHello message from a plain object. Also converts values to their respective internal types.
                 * @function fromObject
                 * @memberof fieldchain.device.v1.HostHello
                 * @static
                 * @param {Object.<string,*>} object Plain object
                 * @returns {fieldchain.device.v1.HostHello} HostHello
                 */
                HostHello.fromObject = function (object, _depth) {
                    if (object instanceof $root.fieldchain.device.v1.HostHello)
                        return object;
                    if (!$util.isObject(object))
                        throw $TypeError(".fieldchain.device.v1.HostHello: object expected");
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let message = new $root.fieldchain.device.v1.HostHello();
                    if (object.gatewayId != null)
                        if (typeof object.gatewayId !== "string" || object.gatewayId.length)
                            message.gatewayId = $String(object.gatewayId);
                    if (object.protocolMajor != null)
                        if ($Number(object.protocolMajor) !== 0)
                            message.protocolMajor = object.protocolMajor >>> 0;
                    if (object.protocolMinor != null)
                        if ($Number(object.protocolMinor) !== 0)
                            message.protocolMinor = object.protocolMinor >>> 0;
                    if (object.maxPayload != null)
                        if ($Number(object.maxPayload) !== 0)
                            message.maxPayload = object.maxPayload >>> 0;
                    if (object.hostTimeUs != null)
                        if (typeof object.hostTimeUs === "object" ? object.hostTimeUs.low || object.hostTimeUs.high : $Number(object.hostTimeUs) !== 0)
                            if ($util.Long)
                                message.hostTimeUs = $util.Long.fromValue(object.hostTimeUs, true);
                            else if (typeof object.hostTimeUs === "string")
                                message.hostTimeUs = $parseInt(object.hostTimeUs, 10);
                            else if (typeof object.hostTimeUs === "number")
                                message.hostTimeUs = object.hostTimeUs;
                            else if (typeof object.hostTimeUs === "object")
                                message.hostTimeUs = new $util.LongBits(object.hostTimeUs.low >>> 0, object.hostTimeUs.high >>> 0).toNumber(true);
                    if (object.maintenance != null)
                        if (object.maintenance)
                            message.maintenance = $Boolean(object.maintenance);
                    if (object.hostTimeQuality !== 0 && (typeof object.hostTimeQuality !== "string" || $root.fieldchain.device.v1.TimeQuality[object.hostTimeQuality] !== 0))
                        switch (object.hostTimeQuality) {
                        case "TIME_QUALITY_UNSPECIFIED":
                        case 0:
                            message.hostTimeQuality = 0;
                            break;
                        case "TIME_QUALITY_UNSYNCHRONISED":
                        case 1:
                            message.hostTimeQuality = 1;
                            break;
                        case "TIME_QUALITY_SYNCHRONISED":
                        case 2:
                            message.hostTimeQuality = 2;
                            break;
                        case "TIME_QUALITY_TRUSTED_SOURCE":
                        case 3:
                            message.hostTimeQuality = 3;
                            break;
                        default:
                            if (typeof object.hostTimeQuality === "number" && (object.hostTimeQuality | 0) === object.hostTimeQuality)
                                message.hostTimeQuality = object.hostTimeQuality;
                        }
                    return message;
                };

                /**
                 * Creates a plain object from a HostHello message. Also converts values to other types if specified.
                 * @function toObject
                 * @memberof fieldchain.device.v1.HostHello
                 * @static
                 * @param {fieldchain.device.v1.HostHello} message HostHello
                 * @param {$protobuf.IConversionOptions} [options] Conversion options
                 * @returns {Object.<string,*>} Plain object
                 */
                HostHello.toObject = function (message, options, _depth) {
                    if (!options)
                        options = {};
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let object = {};
                    if (options.defaults) {
                        object.gatewayId = "";
                        object.protocolMajor = 0;
                        object.protocolMinor = 0;
                        object.maxPayload = 0;
                        if ($util.Long) {
                            let long = new $util.Long(0, 0, true);
                            object.hostTimeUs = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                        } else
                            object.hostTimeUs = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                        object.maintenance = false;
                        object.hostTimeQuality = options.enums === $String ? "TIME_QUALITY_UNSPECIFIED" : 0;
                    }
                    if (message.gatewayId != null && $Object.hasOwnProperty.call(message, "gatewayId"))
                        object.gatewayId = message.gatewayId;
                    if (message.protocolMajor != null && $Object.hasOwnProperty.call(message, "protocolMajor"))
                        object.protocolMajor = message.protocolMajor;
                    if (message.protocolMinor != null && $Object.hasOwnProperty.call(message, "protocolMinor"))
                        object.protocolMinor = message.protocolMinor;
                    if (message.maxPayload != null && $Object.hasOwnProperty.call(message, "maxPayload"))
                        object.maxPayload = message.maxPayload;
                    if (message.hostTimeUs != null && $Object.hasOwnProperty.call(message, "hostTimeUs"))
                        if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                            object.hostTimeUs = typeof message.hostTimeUs === "number" ? $BigInt(message.hostTimeUs) : $util.Long.fromBits(message.hostTimeUs.low >>> 0, message.hostTimeUs.high >>> 0, true).toBigInt();
                        else if (typeof message.hostTimeUs === "number")
                            object.hostTimeUs = options.longs === $String ? $String(message.hostTimeUs) : message.hostTimeUs;
                        else
                            object.hostTimeUs = options.longs === $String ? $util.Long.prototype.toString.call(message.hostTimeUs) : options.longs === $Number ? new $util.LongBits(message.hostTimeUs.low >>> 0, message.hostTimeUs.high >>> 0).toNumber(true) : message.hostTimeUs;
                    if (message.maintenance != null && $Object.hasOwnProperty.call(message, "maintenance"))
                        object.maintenance = message.maintenance;
                    if (message.hostTimeQuality != null && $Object.hasOwnProperty.call(message, "hostTimeQuality"))
                        object.hostTimeQuality = options.enums === $String ? $root.fieldchain.device.v1.TimeQuality[message.hostTimeQuality] === $undefined ? message.hostTimeQuality : $root.fieldchain.device.v1.TimeQuality[message.hostTimeQuality] : message.hostTimeQuality;
                    return object;
                };

                /**
                 * Converts this HostHello to JSON.
                 * @function toJSON
                 * @memberof fieldchain.device.v1.HostHello
                 * @instance
                 * @returns {Object.<string,*>} JSON object
                 */
                HostHello.prototype.toJSON = function() {
                    return HostHello.toObject(this, $protobuf.util.toJSONOptions);
                };

                /**
                 * Gets the type url for HostHello
                 * @function getTypeUrl
                 * @memberof fieldchain.device.v1.HostHello
                 * @static
                 * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
                 * @returns {string} The type url
                 */
                HostHello.getTypeUrl = function(prefix) {
                    if (prefix === $undefined)
                        prefix = "type.googleapis.com";
                    return prefix + "/fieldchain.device.v1.HostHello";
                };

                return HostHello;
            })();

            /**
             * TimeQuality enum.
             * @name fieldchain.device.v1.TimeQuality
             * @enum {number}
             * @property {number} TIME_QUALITY_UNSPECIFIED=0 TIME_QUALITY_UNSPECIFIED value
             * @property {number} TIME_QUALITY_UNSYNCHRONISED=1 TIME_QUALITY_UNSYNCHRONISED value
             * @property {number} TIME_QUALITY_SYNCHRONISED=2 TIME_QUALITY_SYNCHRONISED value
             * @property {number} TIME_QUALITY_TRUSTED_SOURCE=3 TIME_QUALITY_TRUSTED_SOURCE value
             */
            v1.TimeQuality = (function() {
                const valuesById = $Object.create(null), values = $Object.create(valuesById);
                values[valuesById[0] = "TIME_QUALITY_UNSPECIFIED"] = 0;
                values[valuesById[1] = "TIME_QUALITY_UNSYNCHRONISED"] = 1;
                values[valuesById[2] = "TIME_QUALITY_SYNCHRONISED"] = 2;
                values[valuesById[3] = "TIME_QUALITY_TRUSTED_SOURCE"] = 3;
                return values;
            })();

            v1.TimeRequest = (function() {

                /**
                 * Properties of a TimeRequest.
                 * @typedef {Object} fieldchain.device.v1.TimeRequest.$Properties
                 * @property {number|null} [deviceTimeUs] TimeRequest deviceTimeUs
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */

                /**
                 * Properties of a TimeRequest.
                 * @memberof fieldchain.device.v1
                 * @interface ITimeRequest
                 * @augments fieldchain.device.v1.TimeRequest.$Properties
                 * @deprecated Use fieldchain.device.v1.TimeRequest.$Properties instead.
                 */

                /**
                 * Shape of a TimeRequest.
                 * @typedef {fieldchain.device.v1.TimeRequest.$Properties} fieldchain.device.v1.TimeRequest.$Shape
                 */

                /**
                 * Constructs a new TimeRequest.
                 * @memberof fieldchain.device.v1
                 * @classdesc Represents a TimeRequest.
                 * @constructor
                 * @param {fieldchain.device.v1.TimeRequest.$Properties=} [properties] Properties to set
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */
                const TimeRequest = function (properties) {
                    if (properties)
                        for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                /**
                 * TimeRequest deviceTimeUs.
                 * @member {number} deviceTimeUs
                 * @memberof fieldchain.device.v1.TimeRequest
                 * @instance
                 */
                TimeRequest.prototype.deviceTimeUs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

                /**
                 * Creates a new TimeRequest instance using the specified properties.
                 * @function create
                 * @memberof fieldchain.device.v1.TimeRequest
                 * @static
                 * @param {fieldchain.device.v1.TimeRequest.$Properties=} [properties] Properties to set
                 * @returns {fieldchain.device.v1.TimeRequest} TimeRequest instance
                 * @type {{
                 *   (properties: fieldchain.device.v1.TimeRequest.$Shape): fieldchain.device.v1.TimeRequest & fieldchain.device.v1.TimeRequest.$Shape;
                 *   (properties?: fieldchain.device.v1.TimeRequest.$Properties): fieldchain.device.v1.TimeRequest;
                 * }}
                 */
                TimeRequest.create = function(properties) {
                    return new TimeRequest(properties);
                };

                /**
                 * Encodes the specified TimeRequest message. Does not implicitly {@link fieldchain.device.v1.TimeRequest.verify|verify} messages.
                 * @function encode
                 * @memberof fieldchain.device.v1.TimeRequest
                 * @static
                 * @param {fieldchain.device.v1.TimeRequest.$Properties} message TimeRequest message or plain object to encode
                 * @param {$protobuf.Writer} [writer] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                TimeRequest.encode = function (message, writer, _depth) {
                    if (!writer)
                        writer = $Writer.create();
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (message.deviceTimeUs != null && $Object.hasOwnProperty.call(message, "deviceTimeUs") && (typeof message.deviceTimeUs === "object" ? message.deviceTimeUs.low || message.deviceTimeUs.high : message.deviceTimeUs !== 0))
                        writer.uint32(/* id 1, wireType 0 =*/8).uint64(message.deviceTimeUs);
                    if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                        for (let i = 0; i < message.$unknowns.length; ++i)
                            writer.raw(message.$unknowns[i]);
                    return writer;
                };

                /**
                 * Decodes a TimeRequest message from the specified reader or buffer.
                 * @function decode
                 * @memberof fieldchain.device.v1.TimeRequest
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                 * @param {number} [length] Message length if known beforehand
                 * @returns {fieldchain.device.v1.TimeRequest & fieldchain.device.v1.TimeRequest.$Shape} TimeRequest
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                TimeRequest.decode = function (reader, length, _end, _depth, _target) {
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
                    message = _target || new $root.fieldchain.device.v1.TimeRequest();
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
                                if (wireType !== 0)
                                    break;
                                if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                    message.deviceTimeUs = value;
                                else
                                    delete message.deviceTimeUs;
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
                 * Creates a TimeRequest message from a plain object. Also converts values to their respective internal types.
                 * @function fromObject
                 * @memberof fieldchain.device.v1.TimeRequest
                 * @static
                 * @param {Object.<string,*>} object Plain object
                 * @returns {fieldchain.device.v1.TimeRequest} TimeRequest
                 */
                TimeRequest.fromObject = function (object, _depth) {
                    if (object instanceof $root.fieldchain.device.v1.TimeRequest)
                        return object;
                    if (!$util.isObject(object))
                        throw $TypeError(".fieldchain.device.v1.TimeRequest: object expected");
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let message = new $root.fieldchain.device.v1.TimeRequest();
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
                    return message;
                };

                /**
                 * Creates a plain object from a TimeRequest message. Also converts values to other types if specified.
                 * @function toObject
                 * @memberof fieldchain.device.v1.TimeRequest
                 * @static
                 * @param {fieldchain.device.v1.TimeRequest} message TimeRequest
                 * @param {$protobuf.IConversionOptions} [options] Conversion options
                 * @returns {Object.<string,*>} Plain object
                 */
                TimeRequest.toObject = function (message, options, _depth) {
                    if (!options)
                        options = {};
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let object = {};
                    if (options.defaults)
                        if ($util.Long) {
                            let long = new $util.Long(0, 0, true);
                            object.deviceTimeUs = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                        } else
                            object.deviceTimeUs = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    if (message.deviceTimeUs != null && $Object.hasOwnProperty.call(message, "deviceTimeUs"))
                        if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                            object.deviceTimeUs = typeof message.deviceTimeUs === "number" ? $BigInt(message.deviceTimeUs) : $util.Long.fromBits(message.deviceTimeUs.low >>> 0, message.deviceTimeUs.high >>> 0, true).toBigInt();
                        else if (typeof message.deviceTimeUs === "number")
                            object.deviceTimeUs = options.longs === $String ? $String(message.deviceTimeUs) : message.deviceTimeUs;
                        else
                            object.deviceTimeUs = options.longs === $String ? $util.Long.prototype.toString.call(message.deviceTimeUs) : options.longs === $Number ? new $util.LongBits(message.deviceTimeUs.low >>> 0, message.deviceTimeUs.high >>> 0).toNumber(true) : message.deviceTimeUs;
                    return object;
                };

                /**
                 * Converts this TimeRequest to JSON.
                 * @function toJSON
                 * @memberof fieldchain.device.v1.TimeRequest
                 * @instance
                 * @returns {Object.<string,*>} JSON object
                 */
                TimeRequest.prototype.toJSON = function() {
                    return TimeRequest.toObject(this, $protobuf.util.toJSONOptions);
                };

                /**
                 * Gets the type url for TimeRequest
                 * @function getTypeUrl
                 * @memberof fieldchain.device.v1.TimeRequest
                 * @static
                 * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
                 * @returns {string} The type url
                 */
                TimeRequest.getTypeUrl = function(prefix) {
                    if (prefix === $undefined)
                        prefix = "type.googleapis.com";
                    return prefix + "/fieldchain.device.v1.TimeRequest";
                };

                return TimeRequest;
            })();

            v1.TimeSync = (function() {

                /**
                 * Properties of a TimeSync.
                 * @typedef {Object} fieldchain.device.v1.TimeSync.$Properties
                 * @property {number|null} [timeUs] TimeSync timeUs
                 * @property {fieldchain.device.v1.TimeQuality|null} [quality] TimeSync quality
                 * @property {number|null} [requestSeq] TimeSync requestSeq
                 * @property {number|null} [requestDeviceTimeUs] TimeSync requestDeviceTimeUs
                 * @property {string|null} [source] TimeSync source
                 * @property {number|null} [uncertaintyMs] TimeSync uncertaintyMs
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */

                /**
                 * Properties of a TimeSync.
                 * @memberof fieldchain.device.v1
                 * @interface ITimeSync
                 * @augments fieldchain.device.v1.TimeSync.$Properties
                 * @deprecated Use fieldchain.device.v1.TimeSync.$Properties instead.
                 */

                /**
                 * Shape of a TimeSync.
                 * @typedef {fieldchain.device.v1.TimeSync.$Properties} fieldchain.device.v1.TimeSync.$Shape
                 */

                /**
                 * Constructs a new TimeSync.
                 * @memberof fieldchain.device.v1
                 * @classdesc Represents a TimeSync.
                 * @constructor
                 * @param {fieldchain.device.v1.TimeSync.$Properties=} [properties] Properties to set
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */
                const TimeSync = function (properties) {
                    if (properties)
                        for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                /**
                 * TimeSync timeUs.
                 * @member {number} timeUs
                 * @memberof fieldchain.device.v1.TimeSync
                 * @instance
                 */
                TimeSync.prototype.timeUs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

                /**
                 * TimeSync quality.
                 * @member {fieldchain.device.v1.TimeQuality} quality
                 * @memberof fieldchain.device.v1.TimeSync
                 * @instance
                 */
                TimeSync.prototype.quality = 0;

                /**
                 * TimeSync requestSeq.
                 * @member {number} requestSeq
                 * @memberof fieldchain.device.v1.TimeSync
                 * @instance
                 */
                TimeSync.prototype.requestSeq = 0;

                /**
                 * TimeSync requestDeviceTimeUs.
                 * @member {number} requestDeviceTimeUs
                 * @memberof fieldchain.device.v1.TimeSync
                 * @instance
                 */
                TimeSync.prototype.requestDeviceTimeUs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

                /**
                 * TimeSync source.
                 * @member {string} source
                 * @memberof fieldchain.device.v1.TimeSync
                 * @instance
                 */
                TimeSync.prototype.source = "";

                /**
                 * TimeSync uncertaintyMs.
                 * @member {number} uncertaintyMs
                 * @memberof fieldchain.device.v1.TimeSync
                 * @instance
                 */
                TimeSync.prototype.uncertaintyMs = 0;

                /**
                 * Creates a new TimeSync instance using the specified properties.
                 * @function create
                 * @memberof fieldchain.device.v1.TimeSync
                 * @static
                 * @param {fieldchain.device.v1.TimeSync.$Properties=} [properties] Properties to set
                 * @returns {fieldchain.device.v1.TimeSync} TimeSync instance
                 * @type {{
                 *   (properties: fieldchain.device.v1.TimeSync.$Shape): fieldchain.device.v1.TimeSync & fieldchain.device.v1.TimeSync.$Shape;
                 *   (properties?: fieldchain.device.v1.TimeSync.$Properties): fieldchain.device.v1.TimeSync;
                 * }}
                 */
                TimeSync.create = function(properties) {
                    return new TimeSync(properties);
                };

                /**
                 * Encodes the specified TimeSync message. Does not implicitly {@link fieldchain.device.v1.TimeSync.verify|verify} messages.
                 * @function encode
                 * @memberof fieldchain.device.v1.TimeSync
                 * @static
                 * @param {fieldchain.device.v1.TimeSync.$Properties} message TimeSync message or plain object to encode
                 * @param {$protobuf.Writer} [writer] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                TimeSync.encode = function (message, writer, _depth) {
                    if (!writer)
                        writer = $Writer.create();
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (message.timeUs != null && $Object.hasOwnProperty.call(message, "timeUs") && (typeof message.timeUs === "object" ? message.timeUs.low || message.timeUs.high : message.timeUs !== 0))
                        writer.uint32(/* id 1, wireType 0 =*/8).uint64(message.timeUs);
                    if (message.quality != null && $Object.hasOwnProperty.call(message, "quality") && message.quality !== 0)
                        writer.uint32(/* id 2, wireType 0 =*/16).int32(message.quality);
                    if (message.requestSeq != null && $Object.hasOwnProperty.call(message, "requestSeq") && message.requestSeq !== 0)
                        writer.uint32(/* id 3, wireType 0 =*/24).uint32(message.requestSeq);
                    if (message.requestDeviceTimeUs != null && $Object.hasOwnProperty.call(message, "requestDeviceTimeUs") && (typeof message.requestDeviceTimeUs === "object" ? message.requestDeviceTimeUs.low || message.requestDeviceTimeUs.high : message.requestDeviceTimeUs !== 0))
                        writer.uint32(/* id 4, wireType 0 =*/32).uint64(message.requestDeviceTimeUs);
                    if (message.source != null && $Object.hasOwnProperty.call(message, "source") && message.source !== "")
                        writer.uint32(/* id 5, wireType 2 =*/42).string(message.source);
                    if (message.uncertaintyMs != null && $Object.hasOwnProperty.call(message, "uncertaintyMs") && message.uncertaintyMs !== 0)
                        writer.uint32(/* id 6, wireType 0 =*/48).uint32(message.uncertaintyMs);
                    if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                        for (let i = 0; i < message.$unknowns.length; ++i)
                            writer.raw(message.$unknowns[i]);
                    return writer;
                };

                /**
                 * Decodes a TimeSync message from the specified reader or buffer.
                 * @function decode
                 * @memberof fieldchain.device.v1.TimeSync
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                 * @param {number} [length] Message length if known beforehand
                 * @returns {fieldchain.device.v1.TimeSync & fieldchain.device.v1.TimeSync.$Shape} TimeSync
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                TimeSync.decode = function (reader, length, _end, _depth, _target) {
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
                    message = _target || new $root.fieldchain.device.v1.TimeSync();
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
                                if (wireType !== 0)
                                    break;
                                if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                    message.timeUs = value;
                                else
                                    delete message.timeUs;
                                continue;
                            }
                        case 2: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.int32())
                                    message.quality = value;
                                else
                                    delete message.quality;
                                continue;
                            }
                        case 3: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.uint32())
                                    message.requestSeq = value;
                                else
                                    delete message.requestSeq;
                                continue;
                            }
                        case 4: {
                                if (wireType !== 0)
                                    break;
                                if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                    message.requestDeviceTimeUs = value;
                                else
                                    delete message.requestDeviceTimeUs;
                                continue;
                            }
                        case 5: {
                                if (wireType !== 2)
                                    break;
                                if ((value = reader.stringVerify()).length)
                                    message.source = value;
                                else
                                    delete message.source;
                                continue;
                            }
                        case 6: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.uint32())
                                    message.uncertaintyMs = value;
                                else
                                    delete message.uncertaintyMs;
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
                 * Creates a TimeSync message from a plain object. Also converts values to their respective internal types.
                 * @function fromObject
                 * @memberof fieldchain.device.v1.TimeSync
                 * @static
                 * @param {Object.<string,*>} object Plain object
                 * @returns {fieldchain.device.v1.TimeSync} TimeSync
                 */
                TimeSync.fromObject = function (object, _depth) {
                    if (object instanceof $root.fieldchain.device.v1.TimeSync)
                        return object;
                    if (!$util.isObject(object))
                        throw $TypeError(".fieldchain.device.v1.TimeSync: object expected");
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let message = new $root.fieldchain.device.v1.TimeSync();
                    if (object.timeUs != null)
                        if (typeof object.timeUs === "object" ? object.timeUs.low || object.timeUs.high : $Number(object.timeUs) !== 0)
                            if ($util.Long)
                                message.timeUs = $util.Long.fromValue(object.timeUs, true);
                            else if (typeof object.timeUs === "string")
                                message.timeUs = $parseInt(object.timeUs, 10);
                            else if (typeof object.timeUs === "number")
                                message.timeUs = object.timeUs;
                            else if (typeof object.timeUs === "object")
                                message.timeUs = new $util.LongBits(object.timeUs.low >>> 0, object.timeUs.high >>> 0).toNumber(true);
                    if (object.quality !== 0 && (typeof object.quality !== "string" || $root.fieldchain.device.v1.TimeQuality[object.quality] !== 0))
                        switch (object.quality) {
                        case "TIME_QUALITY_UNSPECIFIED":
                        case 0:
                            message.quality = 0;
                            break;
                        case "TIME_QUALITY_UNSYNCHRONISED":
                        case 1:
                            message.quality = 1;
                            break;
                        case "TIME_QUALITY_SYNCHRONISED":
                        case 2:
                            message.quality = 2;
                            break;
                        case "TIME_QUALITY_TRUSTED_SOURCE":
                        case 3:
                            message.quality = 3;
                            break;
                        default:
                            if (typeof object.quality === "number" && (object.quality | 0) === object.quality)
                                message.quality = object.quality;
                        }
                    if (object.requestSeq != null)
                        if ($Number(object.requestSeq) !== 0)
                            message.requestSeq = object.requestSeq >>> 0;
                    if (object.requestDeviceTimeUs != null)
                        if (typeof object.requestDeviceTimeUs === "object" ? object.requestDeviceTimeUs.low || object.requestDeviceTimeUs.high : $Number(object.requestDeviceTimeUs) !== 0)
                            if ($util.Long)
                                message.requestDeviceTimeUs = $util.Long.fromValue(object.requestDeviceTimeUs, true);
                            else if (typeof object.requestDeviceTimeUs === "string")
                                message.requestDeviceTimeUs = $parseInt(object.requestDeviceTimeUs, 10);
                            else if (typeof object.requestDeviceTimeUs === "number")
                                message.requestDeviceTimeUs = object.requestDeviceTimeUs;
                            else if (typeof object.requestDeviceTimeUs === "object")
                                message.requestDeviceTimeUs = new $util.LongBits(object.requestDeviceTimeUs.low >>> 0, object.requestDeviceTimeUs.high >>> 0).toNumber(true);
                    if (object.source != null)
                        if (typeof object.source !== "string" || object.source.length)
                            message.source = $String(object.source);
                    if (object.uncertaintyMs != null)
                        if ($Number(object.uncertaintyMs) !== 0)
                            message.uncertaintyMs = object.uncertaintyMs >>> 0;
                    return message;
                };

                /**
                 * Creates a plain object from a TimeSync message. Also converts values to other types if specified.
                 * @function toObject
                 * @memberof fieldchain.device.v1.TimeSync
                 * @static
                 * @param {fieldchain.device.v1.TimeSync} message TimeSync
                 * @param {$protobuf.IConversionOptions} [options] Conversion options
                 * @returns {Object.<string,*>} Plain object
                 */
                TimeSync.toObject = function (message, options, _depth) {
                    if (!options)
                        options = {};
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let object = {};
                    if (options.defaults) {
                        if ($util.Long) {
                            let long = new $util.Long(0, 0, true);
                            object.timeUs = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                        } else
                            object.timeUs = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                        object.quality = options.enums === $String ? "TIME_QUALITY_UNSPECIFIED" : 0;
                        object.requestSeq = 0;
                        if ($util.Long) {
                            let long = new $util.Long(0, 0, true);
                            object.requestDeviceTimeUs = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                        } else
                            object.requestDeviceTimeUs = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                        object.source = "";
                        object.uncertaintyMs = 0;
                    }
                    if (message.timeUs != null && $Object.hasOwnProperty.call(message, "timeUs"))
                        if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                            object.timeUs = typeof message.timeUs === "number" ? $BigInt(message.timeUs) : $util.Long.fromBits(message.timeUs.low >>> 0, message.timeUs.high >>> 0, true).toBigInt();
                        else if (typeof message.timeUs === "number")
                            object.timeUs = options.longs === $String ? $String(message.timeUs) : message.timeUs;
                        else
                            object.timeUs = options.longs === $String ? $util.Long.prototype.toString.call(message.timeUs) : options.longs === $Number ? new $util.LongBits(message.timeUs.low >>> 0, message.timeUs.high >>> 0).toNumber(true) : message.timeUs;
                    if (message.quality != null && $Object.hasOwnProperty.call(message, "quality"))
                        object.quality = options.enums === $String ? $root.fieldchain.device.v1.TimeQuality[message.quality] === $undefined ? message.quality : $root.fieldchain.device.v1.TimeQuality[message.quality] : message.quality;
                    if (message.requestSeq != null && $Object.hasOwnProperty.call(message, "requestSeq"))
                        object.requestSeq = message.requestSeq;
                    if (message.requestDeviceTimeUs != null && $Object.hasOwnProperty.call(message, "requestDeviceTimeUs"))
                        if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                            object.requestDeviceTimeUs = typeof message.requestDeviceTimeUs === "number" ? $BigInt(message.requestDeviceTimeUs) : $util.Long.fromBits(message.requestDeviceTimeUs.low >>> 0, message.requestDeviceTimeUs.high >>> 0, true).toBigInt();
                        else if (typeof message.requestDeviceTimeUs === "number")
                            object.requestDeviceTimeUs = options.longs === $String ? $String(message.requestDeviceTimeUs) : message.requestDeviceTimeUs;
                        else
                            object.requestDeviceTimeUs = options.longs === $String ? $util.Long.prototype.toString.call(message.requestDeviceTimeUs) : options.longs === $Number ? new $util.LongBits(message.requestDeviceTimeUs.low >>> 0, message.requestDeviceTimeUs.high >>> 0).toNumber(true) : message.requestDeviceTimeUs;
                    if (message.source != null && $Object.hasOwnProperty.call(message, "source"))
                        object.source = message.source;
                    if (message.uncertaintyMs != null && $Object.hasOwnProperty.call(message, "uncertaintyMs"))
                        object.uncertaintyMs = message.uncertaintyMs;
                    return object;
                };

                /**
                 * Converts this TimeSync to JSON.
                 * @function toJSON
                 * @memberof fieldchain.device.v1.TimeSync
                 * @instance
                 * @returns {Object.<string,*>} JSON object
                 */
                TimeSync.prototype.toJSON = function() {
                    return TimeSync.toObject(this, $protobuf.util.toJSONOptions);
                };

                /**
                 * Gets the type url for TimeSync
                 * @function getTypeUrl
                 * @memberof fieldchain.device.v1.TimeSync
                 * @static
                 * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
                 * @returns {string} The type url
                 */
                TimeSync.getTypeUrl = function(prefix) {
                    if (prefix === $undefined)
                        prefix = "type.googleapis.com";
                    return prefix + "/fieldchain.device.v1.TimeSync";
                };

                return TimeSync;
            })();

            v1.Hello = (function() {

                /**
                 * Properties of a Hello.
                 * @typedef {Object} fieldchain.device.v1.Hello.$Properties
                 * @property {string|null} [deviceId] Hello deviceId
                 * @property {string|null} [model] Hello model
                 * @property {string|null} [hardwareRevision] Hello hardwareRevision
                 * @property {string|null} [firmwareVersion] Hello firmwareVersion
                 * @property {number|null} [protocolMajor] Hello protocolMajor
                 * @property {number|null} [protocolMinor] Hello protocolMinor
                 * @property {number|null} [maxPayload] Hello maxPayload
                 * @property {number|null} [window] Hello window
                 * @property {Array.<fieldchain.device.v1.Capability.$Properties>|null} [capabilities] Hello capabilities
                 * @property {fieldchain.device.v1.Calibration.$Properties|null} [calibration] Hello calibration
                 * @property {Uint8Array|null} [bootId] Hello bootId
                 * @property {string|null} [serialNumber] Hello serialNumber
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */

                /**
                 * Properties of a Hello.
                 * @memberof fieldchain.device.v1
                 * @interface IHello
                 * @augments fieldchain.device.v1.Hello.$Properties
                 * @deprecated Use fieldchain.device.v1.Hello.$Properties instead.
                 */

                /**
                 * Shape of a Hello.
                 * @typedef {fieldchain.device.v1.Hello.$Properties} fieldchain.device.v1.Hello.$Shape
                 */

                /**
                 * Constructs a new Hello.
                 * @memberof fieldchain.device.v1
                 * @classdesc Represents a Hello.
                 * @constructor
                 * @param {fieldchain.device.v1.Hello.$Properties=} [properties] Properties to set
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */
                const Hello = function (properties) {
                    this.capabilities = [];
                    if (properties)
                        for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                /**
                 * Hello deviceId.
                 * @member {string} deviceId
                 * @memberof fieldchain.device.v1.Hello
                 * @instance
                 */
                Hello.prototype.deviceId = "";

                /**
                 * Hello model.
                 * @member {string} model
                 * @memberof fieldchain.device.v1.Hello
                 * @instance
                 */
                Hello.prototype.model = "";

                /**
                 * Hello hardwareRevision.
                 * @member {string} hardwareRevision
                 * @memberof fieldchain.device.v1.Hello
                 * @instance
                 */
                Hello.prototype.hardwareRevision = "";

                /**
                 * Hello firmwareVersion.
                 * @member {string} firmwareVersion
                 * @memberof fieldchain.device.v1.Hello
                 * @instance
                 */
                Hello.prototype.firmwareVersion = "";

                /**
                 * Hello protocolMajor.
                 * @member {number} protocolMajor
                 * @memberof fieldchain.device.v1.Hello
                 * @instance
                 */
                Hello.prototype.protocolMajor = 0;

                /**
                 * Hello protocolMinor.
                 * @member {number} protocolMinor
                 * @memberof fieldchain.device.v1.Hello
                 * @instance
                 */
                Hello.prototype.protocolMinor = 0;

                /**
                 * Hello maxPayload.
                 * @member {number} maxPayload
                 * @memberof fieldchain.device.v1.Hello
                 * @instance
                 */
                Hello.prototype.maxPayload = 0;

                /**
                 * Hello window.
                 * @member {number} window
                 * @memberof fieldchain.device.v1.Hello
                 * @instance
                 */
                Hello.prototype.window = 0;

                /**
                 * Hello capabilities.
                 * @member {Array.<fieldchain.device.v1.Capability.$Properties>} capabilities
                 * @memberof fieldchain.device.v1.Hello
                 * @instance
                 */
                Hello.prototype.capabilities = $util.emptyArray;

                /**
                 * Hello calibration.
                 * @member {fieldchain.device.v1.Calibration.$Properties|null|undefined} calibration
                 * @memberof fieldchain.device.v1.Hello
                 * @instance
                 */
                Hello.prototype.calibration = null;

                /**
                 * Hello bootId.
                 * @member {Uint8Array} bootId
                 * @memberof fieldchain.device.v1.Hello
                 * @instance
                 */
                Hello.prototype.bootId = $util.newBuffer([]);

                /**
                 * Hello serialNumber.
                 * @member {string} serialNumber
                 * @memberof fieldchain.device.v1.Hello
                 * @instance
                 */
                Hello.prototype.serialNumber = "";

                /**
                 * Creates a new Hello instance using the specified properties.
                 * @function create
                 * @memberof fieldchain.device.v1.Hello
                 * @static
                 * @param {fieldchain.device.v1.Hello.$Properties=} [properties] Properties to set
                 * @returns {fieldchain.device.v1.Hello} Hello instance
                 * @type {{
                 *   (properties: fieldchain.device.v1.Hello.$Shape): fieldchain.device.v1.Hello & fieldchain.device.v1.Hello.$Shape;
                 *   (properties?: fieldchain.device.v1.Hello.$Properties): fieldchain.device.v1.Hello;
                 * }}
                 */
                Hello.create = function(properties) {
                    return new Hello(properties);
                };

                /**
                 * Encodes the specified Hello message. Does not implicitly {@link fieldchain.device.v1.Hello.verify|verify} messages.
                 * @function encode
                 * @memberof fieldchain.device.v1.Hello
                 * @static
                 * @param {fieldchain.device.v1.Hello.$Properties} message Hello message or plain object to encode
                 * @param {$protobuf.Writer} [writer] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                Hello.encode = function (message, writer, _depth) {
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
                    if (message.hardwareRevision != null && $Object.hasOwnProperty.call(message, "hardwareRevision") && message.hardwareRevision !== "")
                        writer.uint32(/* id 3, wireType 2 =*/26).string(message.hardwareRevision);
                    if (message.firmwareVersion != null && $Object.hasOwnProperty.call(message, "firmwareVersion") && message.firmwareVersion !== "")
                        writer.uint32(/* id 4, wireType 2 =*/34).string(message.firmwareVersion);
                    if (message.protocolMajor != null && $Object.hasOwnProperty.call(message, "protocolMajor") && message.protocolMajor !== 0)
                        writer.uint32(/* id 5, wireType 0 =*/40).uint32(message.protocolMajor);
                    if (message.protocolMinor != null && $Object.hasOwnProperty.call(message, "protocolMinor") && message.protocolMinor !== 0)
                        writer.uint32(/* id 6, wireType 0 =*/48).uint32(message.protocolMinor);
                    if (message.maxPayload != null && $Object.hasOwnProperty.call(message, "maxPayload") && message.maxPayload !== 0)
                        writer.uint32(/* id 7, wireType 0 =*/56).uint32(message.maxPayload);
                    if (message.window != null && $Object.hasOwnProperty.call(message, "window") && message.window !== 0)
                        writer.uint32(/* id 8, wireType 0 =*/64).uint32(message.window);
                    if (message.capabilities != null && message.capabilities.length)
                        for (let i = 0; i < message.capabilities.length; ++i)
                            $root.fieldchain.device.v1.Capability.encode(message.capabilities[i], writer.uint32(/* id 9, wireType 2 =*/74).fork(), _depth + 1).ldelim();
                    if (message.calibration != null && $Object.hasOwnProperty.call(message, "calibration"))
                        $root.fieldchain.device.v1.Calibration.encode(message.calibration, writer.uint32(/* id 10, wireType 2 =*/82).fork(), _depth + 1).ldelim();
                    if (message.bootId != null && $Object.hasOwnProperty.call(message, "bootId") && message.bootId.length)
                        writer.uint32(/* id 11, wireType 2 =*/90).bytes(message.bootId);
                    if (message.serialNumber != null && $Object.hasOwnProperty.call(message, "serialNumber") && message.serialNumber !== "")
                        writer.uint32(/* id 12, wireType 2 =*/98).string(message.serialNumber);
                    if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                        for (let i = 0; i < message.$unknowns.length; ++i)
                            writer.raw(message.$unknowns[i]);
                    return writer;
                };

                /**
                 * Decodes a Hello message from the specified reader or buffer.
                 * @function decode
                 * @memberof fieldchain.device.v1.Hello
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                 * @param {number} [length] Message length if known beforehand
                 * @returns {fieldchain.device.v1.Hello & fieldchain.device.v1.Hello.$Shape} Hello
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                Hello.decode = function (reader, length, _end, _depth, _target) {
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
                    message = _target || new $root.fieldchain.device.v1.Hello();
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
                                    message.hardwareRevision = value;
                                else
                                    delete message.hardwareRevision;
                                continue;
                            }
                        case 4: {
                                if (wireType !== 2)
                                    break;
                                if ((value = reader.stringVerify()).length)
                                    message.firmwareVersion = value;
                                else
                                    delete message.firmwareVersion;
                                continue;
                            }
                        case 5: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.uint32())
                                    message.protocolMajor = value;
                                else
                                    delete message.protocolMajor;
                                continue;
                            }
                        case 6: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.uint32())
                                    message.protocolMinor = value;
                                else
                                    delete message.protocolMinor;
                                continue;
                            }
                        case 7: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.uint32())
                                    message.maxPayload = value;
                                else
                                    delete message.maxPayload;
                                continue;
                            }
                        case 8: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.uint32())
                                    message.window = value;
                                else
                                    delete message.window;
                                continue;
                            }
                        case 9: {
                                if (wireType !== 2)
                                    break;
                                if (!(message.capabilities && message.capabilities.length))
                                    message.capabilities = [];
                                message.capabilities.push($root.fieldchain.device.v1.Capability.decode(reader, reader.size(), $undefined, _depth + 1));
                                continue;
                            }
                        case 10: {
                                if (wireType !== 2)
                                    break;
                                message.calibration = $root.fieldchain.device.v1.Calibration.decode(reader, reader.size(), $undefined, _depth + 1, message.calibration);
                                continue;
                            }
                        case 11: {
                                if (wireType !== 2)
                                    break;
                                if ((value = reader.bytes()).length)
                                    message.bootId = value;
                                else
                                    delete message.bootId;
                                continue;
                            }
                        case 12: {
                                if (wireType !== 2)
                                    break;
                                if ((value = reader.stringVerify()).length)
                                    message.serialNumber = value;
                                else
                                    delete message.serialNumber;
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
                 * Creates a Hello message from a plain object. Also converts values to their respective internal types.
                 * @function fromObject
                 * @memberof fieldchain.device.v1.Hello
                 * @static
                 * @param {Object.<string,*>} object Plain object
                 * @returns {fieldchain.device.v1.Hello} Hello
                 */
                Hello.fromObject = function (object, _depth) {
                    if (object instanceof $root.fieldchain.device.v1.Hello)
                        return object;
                    if (!$util.isObject(object))
                        throw $TypeError(".fieldchain.device.v1.Hello: object expected");
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let message = new $root.fieldchain.device.v1.Hello();
                    if (object.deviceId != null)
                        if (typeof object.deviceId !== "string" || object.deviceId.length)
                            message.deviceId = $String(object.deviceId);
                    if (object.model != null)
                        if (typeof object.model !== "string" || object.model.length)
                            message.model = $String(object.model);
                    if (object.hardwareRevision != null)
                        if (typeof object.hardwareRevision !== "string" || object.hardwareRevision.length)
                            message.hardwareRevision = $String(object.hardwareRevision);
                    if (object.firmwareVersion != null)
                        if (typeof object.firmwareVersion !== "string" || object.firmwareVersion.length)
                            message.firmwareVersion = $String(object.firmwareVersion);
                    if (object.protocolMajor != null)
                        if ($Number(object.protocolMajor) !== 0)
                            message.protocolMajor = object.protocolMajor >>> 0;
                    if (object.protocolMinor != null)
                        if ($Number(object.protocolMinor) !== 0)
                            message.protocolMinor = object.protocolMinor >>> 0;
                    if (object.maxPayload != null)
                        if ($Number(object.maxPayload) !== 0)
                            message.maxPayload = object.maxPayload >>> 0;
                    if (object.window != null)
                        if ($Number(object.window) !== 0)
                            message.window = object.window >>> 0;
                    if (object.capabilities) {
                        if (!$Array.isArray(object.capabilities))
                            throw $TypeError(".fieldchain.device.v1.Hello.capabilities: array expected");
                        message.capabilities = $Array(object.capabilities.length);
                        for (let i = 0; i < object.capabilities.length; ++i) {
                            if (!$util.isObject(object.capabilities[i]))
                                throw $TypeError(".fieldchain.device.v1.Hello.capabilities: object expected");
                            message.capabilities[i] = $root.fieldchain.device.v1.Capability.fromObject(object.capabilities[i], _depth + 1);
                        }
                    }
                    if (object.calibration != null) {
                        if (!$util.isObject(object.calibration))
                            throw $TypeError(".fieldchain.device.v1.Hello.calibration: object expected");
                        message.calibration = $root.fieldchain.device.v1.Calibration.fromObject(object.calibration, _depth + 1);
                    }
                    if (object.bootId != null)
                        if (object.bootId.length)
                            if (typeof object.bootId === "string")
                                $util.base64.decode(object.bootId, message.bootId = $util.newBuffer($util.base64.length(object.bootId)), 0);
                            else if (object.bootId.length >= 0)
                                message.bootId = object.bootId;
                    if (object.serialNumber != null)
                        if (typeof object.serialNumber !== "string" || object.serialNumber.length)
                            message.serialNumber = $String(object.serialNumber);
                    return message;
                };

                /**
                 * Creates a plain object from a Hello message. Also converts values to other types if specified.
                 * @function toObject
                 * @memberof fieldchain.device.v1.Hello
                 * @static
                 * @param {fieldchain.device.v1.Hello} message Hello
                 * @param {$protobuf.IConversionOptions} [options] Conversion options
                 * @returns {Object.<string,*>} Plain object
                 */
                Hello.toObject = function (message, options, _depth) {
                    if (!options)
                        options = {};
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let object = {};
                    if (options.arrays || options.defaults)
                        object.capabilities = [];
                    if (options.defaults) {
                        object.deviceId = "";
                        object.model = "";
                        object.hardwareRevision = "";
                        object.firmwareVersion = "";
                        object.protocolMajor = 0;
                        object.protocolMinor = 0;
                        object.maxPayload = 0;
                        object.window = 0;
                        object.calibration = null;
                        if (options.bytes === $String)
                            object.bootId = "";
                        else {
                            object.bootId = [];
                            if (options.bytes !== $Array)
                                object.bootId = $util.newBuffer(object.bootId);
                        }
                        object.serialNumber = "";
                    }
                    if (message.deviceId != null && $Object.hasOwnProperty.call(message, "deviceId"))
                        object.deviceId = message.deviceId;
                    if (message.model != null && $Object.hasOwnProperty.call(message, "model"))
                        object.model = message.model;
                    if (message.hardwareRevision != null && $Object.hasOwnProperty.call(message, "hardwareRevision"))
                        object.hardwareRevision = message.hardwareRevision;
                    if (message.firmwareVersion != null && $Object.hasOwnProperty.call(message, "firmwareVersion"))
                        object.firmwareVersion = message.firmwareVersion;
                    if (message.protocolMajor != null && $Object.hasOwnProperty.call(message, "protocolMajor"))
                        object.protocolMajor = message.protocolMajor;
                    if (message.protocolMinor != null && $Object.hasOwnProperty.call(message, "protocolMinor"))
                        object.protocolMinor = message.protocolMinor;
                    if (message.maxPayload != null && $Object.hasOwnProperty.call(message, "maxPayload"))
                        object.maxPayload = message.maxPayload;
                    if (message.window != null && $Object.hasOwnProperty.call(message, "window"))
                        object.window = message.window;
                    if (message.capabilities && message.capabilities.length) {
                        object.capabilities = $Array(message.capabilities.length);
                        for (let j = 0; j < message.capabilities.length; ++j)
                            object.capabilities[j] = $root.fieldchain.device.v1.Capability.toObject(message.capabilities[j], options, _depth + 1);
                    }
                    if (message.calibration != null && $Object.hasOwnProperty.call(message, "calibration"))
                        object.calibration = $root.fieldchain.device.v1.Calibration.toObject(message.calibration, options, _depth + 1);
                    if (message.bootId != null && $Object.hasOwnProperty.call(message, "bootId"))
                        object.bootId = options.bytes === $String ? $util.base64.encode(message.bootId, 0, message.bootId.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.bootId) : message.bootId;
                    if (message.serialNumber != null && $Object.hasOwnProperty.call(message, "serialNumber"))
                        object.serialNumber = message.serialNumber;
                    return object;
                };

                /**
                 * Converts this Hello to JSON.
                 * @function toJSON
                 * @memberof fieldchain.device.v1.Hello
                 * @instance
                 * @returns {Object.<string,*>} JSON object
                 */
                Hello.prototype.toJSON = function() {
                    return Hello.toObject(this, $protobuf.util.toJSONOptions);
                };

                /**
                 * Gets the type url for Hello
                 * @function getTypeUrl
                 * @memberof fieldchain.device.v1.Hello
                 * @static
                 * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
                 * @returns {string} The type url
                 */
                Hello.getTypeUrl = function(prefix) {
                    if (prefix === $undefined)
                        prefix = "type.googleapis.com";
                    return prefix + "/fieldchain.device.v1.Hello";
                };

                return Hello;
            })();

            v1.Capability = (function() {

                /**
                 * Properties of a Capability.
                 * @typedef {Object} fieldchain.device.v1.Capability.$Properties
                 * @property {string|null} [quantity] Capability quantity
                 * @property {string|null} [unit] Capability unit
                 * @property {number|null} [rangeMin] Capability rangeMin
                 * @property {number|null} [rangeMax] Capability rangeMax
                 * @property {number|null} [resolution] Capability resolution
                 * @property {string|null} [channel] Capability channel
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */

                /**
                 * Properties of a Capability.
                 * @memberof fieldchain.device.v1
                 * @interface ICapability
                 * @augments fieldchain.device.v1.Capability.$Properties
                 * @deprecated Use fieldchain.device.v1.Capability.$Properties instead.
                 */

                /**
                 * Shape of a Capability.
                 * @typedef {fieldchain.device.v1.Capability.$Properties} fieldchain.device.v1.Capability.$Shape
                 */

                /**
                 * Constructs a new Capability.
                 * @memberof fieldchain.device.v1
                 * @classdesc Represents a Capability.
                 * @constructor
                 * @param {fieldchain.device.v1.Capability.$Properties=} [properties] Properties to set
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */
                const Capability = function (properties) {
                    if (properties)
                        for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                /**
                 * Capability quantity.
                 * @member {string} quantity
                 * @memberof fieldchain.device.v1.Capability
                 * @instance
                 */
                Capability.prototype.quantity = "";

                /**
                 * Capability unit.
                 * @member {string} unit
                 * @memberof fieldchain.device.v1.Capability
                 * @instance
                 */
                Capability.prototype.unit = "";

                /**
                 * Capability rangeMin.
                 * @member {number} rangeMin
                 * @memberof fieldchain.device.v1.Capability
                 * @instance
                 */
                Capability.prototype.rangeMin = 0;

                /**
                 * Capability rangeMax.
                 * @member {number} rangeMax
                 * @memberof fieldchain.device.v1.Capability
                 * @instance
                 */
                Capability.prototype.rangeMax = 0;

                /**
                 * Capability resolution.
                 * @member {number} resolution
                 * @memberof fieldchain.device.v1.Capability
                 * @instance
                 */
                Capability.prototype.resolution = 0;

                /**
                 * Capability channel.
                 * @member {string} channel
                 * @memberof fieldchain.device.v1.Capability
                 * @instance
                 */
                Capability.prototype.channel = "";

                /**
                 * Creates a new Capability instance using the specified properties.
                 * @function create
                 * @memberof fieldchain.device.v1.Capability
                 * @static
                 * @param {fieldchain.device.v1.Capability.$Properties=} [properties] Properties to set
                 * @returns {fieldchain.device.v1.Capability} Capability instance
                 * @type {{
                 *   (properties: fieldchain.device.v1.Capability.$Shape): fieldchain.device.v1.Capability & fieldchain.device.v1.Capability.$Shape;
                 *   (properties?: fieldchain.device.v1.Capability.$Properties): fieldchain.device.v1.Capability;
                 * }}
                 */
                Capability.create = function(properties) {
                    return new Capability(properties);
                };

                /**
                 * Encodes the specified Capability message. Does not implicitly {@link fieldchain.device.v1.Capability.verify|verify} messages.
                 * @function encode
                 * @memberof fieldchain.device.v1.Capability
                 * @static
                 * @param {fieldchain.device.v1.Capability.$Properties} message Capability message or plain object to encode
                 * @param {$protobuf.Writer} [writer] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                Capability.encode = function (message, writer, _depth) {
                    if (!writer)
                        writer = $Writer.create();
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (message.quantity != null && $Object.hasOwnProperty.call(message, "quantity") && message.quantity !== "")
                        writer.uint32(/* id 1, wireType 2 =*/10).string(message.quantity);
                    if (message.unit != null && $Object.hasOwnProperty.call(message, "unit") && message.unit !== "")
                        writer.uint32(/* id 2, wireType 2 =*/18).string(message.unit);
                    if (message.rangeMin != null && $Object.hasOwnProperty.call(message, "rangeMin") && !$Object.is(message.rangeMin, 0))
                        writer.uint32(/* id 3, wireType 1 =*/25).double(message.rangeMin);
                    if (message.rangeMax != null && $Object.hasOwnProperty.call(message, "rangeMax") && !$Object.is(message.rangeMax, 0))
                        writer.uint32(/* id 4, wireType 1 =*/33).double(message.rangeMax);
                    if (message.resolution != null && $Object.hasOwnProperty.call(message, "resolution") && !$Object.is(message.resolution, 0))
                        writer.uint32(/* id 5, wireType 1 =*/41).double(message.resolution);
                    if (message.channel != null && $Object.hasOwnProperty.call(message, "channel") && message.channel !== "")
                        writer.uint32(/* id 6, wireType 2 =*/50).string(message.channel);
                    if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                        for (let i = 0; i < message.$unknowns.length; ++i)
                            writer.raw(message.$unknowns[i]);
                    return writer;
                };

                /**
                 * Decodes a Capability message from the specified reader or buffer.
                 * @function decode
                 * @memberof fieldchain.device.v1.Capability
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                 * @param {number} [length] Message length if known beforehand
                 * @returns {fieldchain.device.v1.Capability & fieldchain.device.v1.Capability.$Shape} Capability
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                Capability.decode = function (reader, length, _end, _depth, _target) {
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
                    message = _target || new $root.fieldchain.device.v1.Capability();
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
                                    message.quantity = value;
                                else
                                    delete message.quantity;
                                continue;
                            }
                        case 2: {
                                if (wireType !== 2)
                                    break;
                                if ((value = reader.stringVerify()).length)
                                    message.unit = value;
                                else
                                    delete message.unit;
                                continue;
                            }
                        case 3: {
                                if (wireType !== 1)
                                    break;
                                if (!$Object.is(value = reader.double(), 0))
                                    message.rangeMin = value;
                                else
                                    delete message.rangeMin;
                                continue;
                            }
                        case 4: {
                                if (wireType !== 1)
                                    break;
                                if (!$Object.is(value = reader.double(), 0))
                                    message.rangeMax = value;
                                else
                                    delete message.rangeMax;
                                continue;
                            }
                        case 5: {
                                if (wireType !== 1)
                                    break;
                                if (!$Object.is(value = reader.double(), 0))
                                    message.resolution = value;
                                else
                                    delete message.resolution;
                                continue;
                            }
                        case 6: {
                                if (wireType !== 2)
                                    break;
                                if ((value = reader.stringVerify()).length)
                                    message.channel = value;
                                else
                                    delete message.channel;
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
                 * Creates a Capability message from a plain object. Also converts values to their respective internal types.
                 * @function fromObject
                 * @memberof fieldchain.device.v1.Capability
                 * @static
                 * @param {Object.<string,*>} object Plain object
                 * @returns {fieldchain.device.v1.Capability} Capability
                 */
                Capability.fromObject = function (object, _depth) {
                    if (object instanceof $root.fieldchain.device.v1.Capability)
                        return object;
                    if (!$util.isObject(object))
                        throw $TypeError(".fieldchain.device.v1.Capability: object expected");
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let message = new $root.fieldchain.device.v1.Capability();
                    if (object.quantity != null)
                        if (typeof object.quantity !== "string" || object.quantity.length)
                            message.quantity = $String(object.quantity);
                    if (object.unit != null)
                        if (typeof object.unit !== "string" || object.unit.length)
                            message.unit = $String(object.unit);
                    if (object.rangeMin != null)
                        if (!$Object.is($Number(object.rangeMin), 0))
                            message.rangeMin = $Number(object.rangeMin);
                    if (object.rangeMax != null)
                        if (!$Object.is($Number(object.rangeMax), 0))
                            message.rangeMax = $Number(object.rangeMax);
                    if (object.resolution != null)
                        if (!$Object.is($Number(object.resolution), 0))
                            message.resolution = $Number(object.resolution);
                    if (object.channel != null)
                        if (typeof object.channel !== "string" || object.channel.length)
                            message.channel = $String(object.channel);
                    return message;
                };

                /**
                 * Creates a plain object from a Capability message. Also converts values to other types if specified.
                 * @function toObject
                 * @memberof fieldchain.device.v1.Capability
                 * @static
                 * @param {fieldchain.device.v1.Capability} message Capability
                 * @param {$protobuf.IConversionOptions} [options] Conversion options
                 * @returns {Object.<string,*>} Plain object
                 */
                Capability.toObject = function (message, options, _depth) {
                    if (!options)
                        options = {};
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let object = {};
                    if (options.defaults) {
                        object.quantity = "";
                        object.unit = "";
                        object.rangeMin = 0;
                        object.rangeMax = 0;
                        object.resolution = 0;
                        object.channel = "";
                    }
                    if (message.quantity != null && $Object.hasOwnProperty.call(message, "quantity"))
                        object.quantity = message.quantity;
                    if (message.unit != null && $Object.hasOwnProperty.call(message, "unit"))
                        object.unit = message.unit;
                    if (message.rangeMin != null && $Object.hasOwnProperty.call(message, "rangeMin"))
                        object.rangeMin = options.json && !$isFinite(message.rangeMin) ? $String(message.rangeMin) : message.rangeMin;
                    if (message.rangeMax != null && $Object.hasOwnProperty.call(message, "rangeMax"))
                        object.rangeMax = options.json && !$isFinite(message.rangeMax) ? $String(message.rangeMax) : message.rangeMax;
                    if (message.resolution != null && $Object.hasOwnProperty.call(message, "resolution"))
                        object.resolution = options.json && !$isFinite(message.resolution) ? $String(message.resolution) : message.resolution;
                    if (message.channel != null && $Object.hasOwnProperty.call(message, "channel"))
                        object.channel = message.channel;
                    return object;
                };

                /**
                 * Converts this Capability to JSON.
                 * @function toJSON
                 * @memberof fieldchain.device.v1.Capability
                 * @instance
                 * @returns {Object.<string,*>} JSON object
                 */
                Capability.prototype.toJSON = function() {
                    return Capability.toObject(this, $protobuf.util.toJSONOptions);
                };

                /**
                 * Gets the type url for Capability
                 * @function getTypeUrl
                 * @memberof fieldchain.device.v1.Capability
                 * @static
                 * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
                 * @returns {string} The type url
                 */
                Capability.getTypeUrl = function(prefix) {
                    if (prefix === $undefined)
                        prefix = "type.googleapis.com";
                    return prefix + "/fieldchain.device.v1.Capability";
                };

                return Capability;
            })();

            v1.Calibration = (function() {

                /**
                 * Properties of a Calibration.
                 * @typedef {Object} fieldchain.device.v1.Calibration.$Properties
                 * @property {string|null} [certificateId] Calibration certificateId
                 * @property {number|null} [calibratedAt] Calibration calibratedAt
                 * @property {number|null} [dueAt] Calibration dueAt
                 * @property {string|null} [laboratory] Calibration laboratory
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */

                /**
                 * Properties of a Calibration.
                 * @memberof fieldchain.device.v1
                 * @interface ICalibration
                 * @augments fieldchain.device.v1.Calibration.$Properties
                 * @deprecated Use fieldchain.device.v1.Calibration.$Properties instead.
                 */

                /**
                 * Shape of a Calibration.
                 * @typedef {fieldchain.device.v1.Calibration.$Properties} fieldchain.device.v1.Calibration.$Shape
                 */

                /**
                 * Constructs a new Calibration.
                 * @memberof fieldchain.device.v1
                 * @classdesc Represents a Calibration.
                 * @constructor
                 * @param {fieldchain.device.v1.Calibration.$Properties=} [properties] Properties to set
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */
                const Calibration = function (properties) {
                    if (properties)
                        for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                /**
                 * Calibration certificateId.
                 * @member {string} certificateId
                 * @memberof fieldchain.device.v1.Calibration
                 * @instance
                 */
                Calibration.prototype.certificateId = "";

                /**
                 * Calibration calibratedAt.
                 * @member {number} calibratedAt
                 * @memberof fieldchain.device.v1.Calibration
                 * @instance
                 */
                Calibration.prototype.calibratedAt = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

                /**
                 * Calibration dueAt.
                 * @member {number} dueAt
                 * @memberof fieldchain.device.v1.Calibration
                 * @instance
                 */
                Calibration.prototype.dueAt = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

                /**
                 * Calibration laboratory.
                 * @member {string} laboratory
                 * @memberof fieldchain.device.v1.Calibration
                 * @instance
                 */
                Calibration.prototype.laboratory = "";

                /**
                 * Creates a new Calibration instance using the specified properties.
                 * @function create
                 * @memberof fieldchain.device.v1.Calibration
                 * @static
                 * @param {fieldchain.device.v1.Calibration.$Properties=} [properties] Properties to set
                 * @returns {fieldchain.device.v1.Calibration} Calibration instance
                 * @type {{
                 *   (properties: fieldchain.device.v1.Calibration.$Shape): fieldchain.device.v1.Calibration & fieldchain.device.v1.Calibration.$Shape;
                 *   (properties?: fieldchain.device.v1.Calibration.$Properties): fieldchain.device.v1.Calibration;
                 * }}
                 */
                Calibration.create = function(properties) {
                    return new Calibration(properties);
                };

                /**
                 * Encodes the specified Calibration message. Does not implicitly {@link fieldchain.device.v1.Calibration.verify|verify} messages.
                 * @function encode
                 * @memberof fieldchain.device.v1.Calibration
                 * @static
                 * @param {fieldchain.device.v1.Calibration.$Properties} message Calibration message or plain object to encode
                 * @param {$protobuf.Writer} [writer] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                Calibration.encode = function (message, writer, _depth) {
                    if (!writer)
                        writer = $Writer.create();
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (message.certificateId != null && $Object.hasOwnProperty.call(message, "certificateId") && message.certificateId !== "")
                        writer.uint32(/* id 1, wireType 2 =*/10).string(message.certificateId);
                    if (message.calibratedAt != null && $Object.hasOwnProperty.call(message, "calibratedAt") && (typeof message.calibratedAt === "object" ? message.calibratedAt.low || message.calibratedAt.high : message.calibratedAt !== 0))
                        writer.uint32(/* id 2, wireType 0 =*/16).uint64(message.calibratedAt);
                    if (message.dueAt != null && $Object.hasOwnProperty.call(message, "dueAt") && (typeof message.dueAt === "object" ? message.dueAt.low || message.dueAt.high : message.dueAt !== 0))
                        writer.uint32(/* id 3, wireType 0 =*/24).uint64(message.dueAt);
                    if (message.laboratory != null && $Object.hasOwnProperty.call(message, "laboratory") && message.laboratory !== "")
                        writer.uint32(/* id 4, wireType 2 =*/34).string(message.laboratory);
                    if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                        for (let i = 0; i < message.$unknowns.length; ++i)
                            writer.raw(message.$unknowns[i]);
                    return writer;
                };

                /**
                 * Decodes a Calibration message from the specified reader or buffer.
                 * @function decode
                 * @memberof fieldchain.device.v1.Calibration
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                 * @param {number} [length] Message length if known beforehand
                 * @returns {fieldchain.device.v1.Calibration & fieldchain.device.v1.Calibration.$Shape} Calibration
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                Calibration.decode = function (reader, length, _end, _depth, _target) {
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
                    message = _target || new $root.fieldchain.device.v1.Calibration();
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
                                    message.certificateId = value;
                                else
                                    delete message.certificateId;
                                continue;
                            }
                        case 2: {
                                if (wireType !== 0)
                                    break;
                                if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                    message.calibratedAt = value;
                                else
                                    delete message.calibratedAt;
                                continue;
                            }
                        case 3: {
                                if (wireType !== 0)
                                    break;
                                if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                    message.dueAt = value;
                                else
                                    delete message.dueAt;
                                continue;
                            }
                        case 4: {
                                if (wireType !== 2)
                                    break;
                                if ((value = reader.stringVerify()).length)
                                    message.laboratory = value;
                                else
                                    delete message.laboratory;
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
                 * Creates a Calibration message from a plain object. Also converts values to their respective internal types.
                 * @function fromObject
                 * @memberof fieldchain.device.v1.Calibration
                 * @static
                 * @param {Object.<string,*>} object Plain object
                 * @returns {fieldchain.device.v1.Calibration} Calibration
                 */
                Calibration.fromObject = function (object, _depth) {
                    if (object instanceof $root.fieldchain.device.v1.Calibration)
                        return object;
                    if (!$util.isObject(object))
                        throw $TypeError(".fieldchain.device.v1.Calibration: object expected");
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let message = new $root.fieldchain.device.v1.Calibration();
                    if (object.certificateId != null)
                        if (typeof object.certificateId !== "string" || object.certificateId.length)
                            message.certificateId = $String(object.certificateId);
                    if (object.calibratedAt != null)
                        if (typeof object.calibratedAt === "object" ? object.calibratedAt.low || object.calibratedAt.high : $Number(object.calibratedAt) !== 0)
                            if ($util.Long)
                                message.calibratedAt = $util.Long.fromValue(object.calibratedAt, true);
                            else if (typeof object.calibratedAt === "string")
                                message.calibratedAt = $parseInt(object.calibratedAt, 10);
                            else if (typeof object.calibratedAt === "number")
                                message.calibratedAt = object.calibratedAt;
                            else if (typeof object.calibratedAt === "object")
                                message.calibratedAt = new $util.LongBits(object.calibratedAt.low >>> 0, object.calibratedAt.high >>> 0).toNumber(true);
                    if (object.dueAt != null)
                        if (typeof object.dueAt === "object" ? object.dueAt.low || object.dueAt.high : $Number(object.dueAt) !== 0)
                            if ($util.Long)
                                message.dueAt = $util.Long.fromValue(object.dueAt, true);
                            else if (typeof object.dueAt === "string")
                                message.dueAt = $parseInt(object.dueAt, 10);
                            else if (typeof object.dueAt === "number")
                                message.dueAt = object.dueAt;
                            else if (typeof object.dueAt === "object")
                                message.dueAt = new $util.LongBits(object.dueAt.low >>> 0, object.dueAt.high >>> 0).toNumber(true);
                    if (object.laboratory != null)
                        if (typeof object.laboratory !== "string" || object.laboratory.length)
                            message.laboratory = $String(object.laboratory);
                    return message;
                };

                /**
                 * Creates a plain object from a Calibration message. Also converts values to other types if specified.
                 * @function toObject
                 * @memberof fieldchain.device.v1.Calibration
                 * @static
                 * @param {fieldchain.device.v1.Calibration} message Calibration
                 * @param {$protobuf.IConversionOptions} [options] Conversion options
                 * @returns {Object.<string,*>} Plain object
                 */
                Calibration.toObject = function (message, options, _depth) {
                    if (!options)
                        options = {};
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let object = {};
                    if (options.defaults) {
                        object.certificateId = "";
                        if ($util.Long) {
                            let long = new $util.Long(0, 0, true);
                            object.calibratedAt = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                        } else
                            object.calibratedAt = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                        if ($util.Long) {
                            let long = new $util.Long(0, 0, true);
                            object.dueAt = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                        } else
                            object.dueAt = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                        object.laboratory = "";
                    }
                    if (message.certificateId != null && $Object.hasOwnProperty.call(message, "certificateId"))
                        object.certificateId = message.certificateId;
                    if (message.calibratedAt != null && $Object.hasOwnProperty.call(message, "calibratedAt"))
                        if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                            object.calibratedAt = typeof message.calibratedAt === "number" ? $BigInt(message.calibratedAt) : $util.Long.fromBits(message.calibratedAt.low >>> 0, message.calibratedAt.high >>> 0, true).toBigInt();
                        else if (typeof message.calibratedAt === "number")
                            object.calibratedAt = options.longs === $String ? $String(message.calibratedAt) : message.calibratedAt;
                        else
                            object.calibratedAt = options.longs === $String ? $util.Long.prototype.toString.call(message.calibratedAt) : options.longs === $Number ? new $util.LongBits(message.calibratedAt.low >>> 0, message.calibratedAt.high >>> 0).toNumber(true) : message.calibratedAt;
                    if (message.dueAt != null && $Object.hasOwnProperty.call(message, "dueAt"))
                        if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                            object.dueAt = typeof message.dueAt === "number" ? $BigInt(message.dueAt) : $util.Long.fromBits(message.dueAt.low >>> 0, message.dueAt.high >>> 0, true).toBigInt();
                        else if (typeof message.dueAt === "number")
                            object.dueAt = options.longs === $String ? $String(message.dueAt) : message.dueAt;
                        else
                            object.dueAt = options.longs === $String ? $util.Long.prototype.toString.call(message.dueAt) : options.longs === $Number ? new $util.LongBits(message.dueAt.low >>> 0, message.dueAt.high >>> 0).toNumber(true) : message.dueAt;
                    if (message.laboratory != null && $Object.hasOwnProperty.call(message, "laboratory"))
                        object.laboratory = message.laboratory;
                    return object;
                };

                /**
                 * Converts this Calibration to JSON.
                 * @function toJSON
                 * @memberof fieldchain.device.v1.Calibration
                 * @instance
                 * @returns {Object.<string,*>} JSON object
                 */
                Calibration.prototype.toJSON = function() {
                    return Calibration.toObject(this, $protobuf.util.toJSONOptions);
                };

                /**
                 * Gets the type url for Calibration
                 * @function getTypeUrl
                 * @memberof fieldchain.device.v1.Calibration
                 * @static
                 * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
                 * @returns {string} The type url
                 */
                Calibration.getTypeUrl = function(prefix) {
                    if (prefix === $undefined)
                        prefix = "type.googleapis.com";
                    return prefix + "/fieldchain.device.v1.Calibration";
                };

                return Calibration;
            })();

            v1.Reading = (function() {

                /**
                 * Properties of a Reading.
                 * @typedef {Object} fieldchain.device.v1.Reading.$Properties
                 * @property {number|null} [seq] Reading seq
                 * @property {number|null} [deviceTimeUs] Reading deviceTimeUs
                 * @property {string|null} [quantity] Reading quantity
                 * @property {number|null} [value] Reading value
                 * @property {string|null} [unit] Reading unit
                 * @property {number|null} [flags] Reading flags
                 * @property {string|null} [channel] Reading channel
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */

                /**
                 * Properties of a Reading.
                 * @memberof fieldchain.device.v1
                 * @interface IReading
                 * @augments fieldchain.device.v1.Reading.$Properties
                 * @deprecated Use fieldchain.device.v1.Reading.$Properties instead.
                 */

                /**
                 * Shape of a Reading.
                 * @typedef {fieldchain.device.v1.Reading.$Properties} fieldchain.device.v1.Reading.$Shape
                 */

                /**
                 * Constructs a new Reading.
                 * @memberof fieldchain.device.v1
                 * @classdesc Represents a Reading.
                 * @constructor
                 * @param {fieldchain.device.v1.Reading.$Properties=} [properties] Properties to set
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */
                const Reading = function (properties) {
                    if (properties)
                        for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                /**
                 * Reading seq.
                 * @member {number} seq
                 * @memberof fieldchain.device.v1.Reading
                 * @instance
                 */
                Reading.prototype.seq = 0;

                /**
                 * Reading deviceTimeUs.
                 * @member {number} deviceTimeUs
                 * @memberof fieldchain.device.v1.Reading
                 * @instance
                 */
                Reading.prototype.deviceTimeUs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

                /**
                 * Reading quantity.
                 * @member {string} quantity
                 * @memberof fieldchain.device.v1.Reading
                 * @instance
                 */
                Reading.prototype.quantity = "";

                /**
                 * Reading value.
                 * @member {number} value
                 * @memberof fieldchain.device.v1.Reading
                 * @instance
                 */
                Reading.prototype.value = 0;

                /**
                 * Reading unit.
                 * @member {string} unit
                 * @memberof fieldchain.device.v1.Reading
                 * @instance
                 */
                Reading.prototype.unit = "";

                /**
                 * Reading flags.
                 * @member {number} flags
                 * @memberof fieldchain.device.v1.Reading
                 * @instance
                 */
                Reading.prototype.flags = 0;

                /**
                 * Reading channel.
                 * @member {string} channel
                 * @memberof fieldchain.device.v1.Reading
                 * @instance
                 */
                Reading.prototype.channel = "";

                /**
                 * Creates a new Reading instance using the specified properties.
                 * @function create
                 * @memberof fieldchain.device.v1.Reading
                 * @static
                 * @param {fieldchain.device.v1.Reading.$Properties=} [properties] Properties to set
                 * @returns {fieldchain.device.v1.Reading} Reading instance
                 * @type {{
                 *   (properties: fieldchain.device.v1.Reading.$Shape): fieldchain.device.v1.Reading & fieldchain.device.v1.Reading.$Shape;
                 *   (properties?: fieldchain.device.v1.Reading.$Properties): fieldchain.device.v1.Reading;
                 * }}
                 */
                Reading.create = function(properties) {
                    return new Reading(properties);
                };

                /**
                 * Encodes the specified Reading message. Does not implicitly {@link fieldchain.device.v1.Reading.verify|verify} messages.
                 * @function encode
                 * @memberof fieldchain.device.v1.Reading
                 * @static
                 * @param {fieldchain.device.v1.Reading.$Properties} message Reading message or plain object to encode
                 * @param {$protobuf.Writer} [writer] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                Reading.encode = function (message, writer, _depth) {
                    if (!writer)
                        writer = $Writer.create();
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (message.seq != null && $Object.hasOwnProperty.call(message, "seq") && message.seq !== 0)
                        writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.seq);
                    if (message.deviceTimeUs != null && $Object.hasOwnProperty.call(message, "deviceTimeUs") && (typeof message.deviceTimeUs === "object" ? message.deviceTimeUs.low || message.deviceTimeUs.high : message.deviceTimeUs !== 0))
                        writer.uint32(/* id 2, wireType 0 =*/16).uint64(message.deviceTimeUs);
                    if (message.quantity != null && $Object.hasOwnProperty.call(message, "quantity") && message.quantity !== "")
                        writer.uint32(/* id 3, wireType 2 =*/26).string(message.quantity);
                    if (message.value != null && $Object.hasOwnProperty.call(message, "value") && !$Object.is(message.value, 0))
                        writer.uint32(/* id 4, wireType 1 =*/33).double(message.value);
                    if (message.unit != null && $Object.hasOwnProperty.call(message, "unit") && message.unit !== "")
                        writer.uint32(/* id 5, wireType 2 =*/42).string(message.unit);
                    if (message.flags != null && $Object.hasOwnProperty.call(message, "flags") && message.flags !== 0)
                        writer.uint32(/* id 6, wireType 0 =*/48).uint32(message.flags);
                    if (message.channel != null && $Object.hasOwnProperty.call(message, "channel") && message.channel !== "")
                        writer.uint32(/* id 7, wireType 2 =*/58).string(message.channel);
                    if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                        for (let i = 0; i < message.$unknowns.length; ++i)
                            writer.raw(message.$unknowns[i]);
                    return writer;
                };

                /**
                 * Decodes a Reading message from the specified reader or buffer.
                 * @function decode
                 * @memberof fieldchain.device.v1.Reading
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                 * @param {number} [length] Message length if known beforehand
                 * @returns {fieldchain.device.v1.Reading & fieldchain.device.v1.Reading.$Shape} Reading
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                Reading.decode = function (reader, length, _end, _depth, _target) {
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
                    message = _target || new $root.fieldchain.device.v1.Reading();
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
                                if (wireType !== 0)
                                    break;
                                if (value = reader.uint32())
                                    message.seq = value;
                                else
                                    delete message.seq;
                                continue;
                            }
                        case 2: {
                                if (wireType !== 0)
                                    break;
                                if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                    message.deviceTimeUs = value;
                                else
                                    delete message.deviceTimeUs;
                                continue;
                            }
                        case 3: {
                                if (wireType !== 2)
                                    break;
                                if ((value = reader.stringVerify()).length)
                                    message.quantity = value;
                                else
                                    delete message.quantity;
                                continue;
                            }
                        case 4: {
                                if (wireType !== 1)
                                    break;
                                if (!$Object.is(value = reader.double(), 0))
                                    message.value = value;
                                else
                                    delete message.value;
                                continue;
                            }
                        case 5: {
                                if (wireType !== 2)
                                    break;
                                if ((value = reader.stringVerify()).length)
                                    message.unit = value;
                                else
                                    delete message.unit;
                                continue;
                            }
                        case 6: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.uint32())
                                    message.flags = value;
                                else
                                    delete message.flags;
                                continue;
                            }
                        case 7: {
                                if (wireType !== 2)
                                    break;
                                if ((value = reader.stringVerify()).length)
                                    message.channel = value;
                                else
                                    delete message.channel;
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
                 * Creates a Reading message from a plain object. Also converts values to their respective internal types.
                 * @function fromObject
                 * @memberof fieldchain.device.v1.Reading
                 * @static
                 * @param {Object.<string,*>} object Plain object
                 * @returns {fieldchain.device.v1.Reading} Reading
                 */
                Reading.fromObject = function (object, _depth) {
                    if (object instanceof $root.fieldchain.device.v1.Reading)
                        return object;
                    if (!$util.isObject(object))
                        throw $TypeError(".fieldchain.device.v1.Reading: object expected");
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let message = new $root.fieldchain.device.v1.Reading();
                    if (object.seq != null)
                        if ($Number(object.seq) !== 0)
                            message.seq = object.seq >>> 0;
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
                    if (object.quantity != null)
                        if (typeof object.quantity !== "string" || object.quantity.length)
                            message.quantity = $String(object.quantity);
                    if (object.value != null)
                        if (!$Object.is($Number(object.value), 0))
                            message.value = $Number(object.value);
                    if (object.unit != null)
                        if (typeof object.unit !== "string" || object.unit.length)
                            message.unit = $String(object.unit);
                    if (object.flags != null)
                        if ($Number(object.flags) !== 0)
                            message.flags = object.flags >>> 0;
                    if (object.channel != null)
                        if (typeof object.channel !== "string" || object.channel.length)
                            message.channel = $String(object.channel);
                    return message;
                };

                /**
                 * Creates a plain object from a Reading message. Also converts values to other types if specified.
                 * @function toObject
                 * @memberof fieldchain.device.v1.Reading
                 * @static
                 * @param {fieldchain.device.v1.Reading} message Reading
                 * @param {$protobuf.IConversionOptions} [options] Conversion options
                 * @returns {Object.<string,*>} Plain object
                 */
                Reading.toObject = function (message, options, _depth) {
                    if (!options)
                        options = {};
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let object = {};
                    if (options.defaults) {
                        object.seq = 0;
                        if ($util.Long) {
                            let long = new $util.Long(0, 0, true);
                            object.deviceTimeUs = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                        } else
                            object.deviceTimeUs = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                        object.quantity = "";
                        object.value = 0;
                        object.unit = "";
                        object.flags = 0;
                        object.channel = "";
                    }
                    if (message.seq != null && $Object.hasOwnProperty.call(message, "seq"))
                        object.seq = message.seq;
                    if (message.deviceTimeUs != null && $Object.hasOwnProperty.call(message, "deviceTimeUs"))
                        if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                            object.deviceTimeUs = typeof message.deviceTimeUs === "number" ? $BigInt(message.deviceTimeUs) : $util.Long.fromBits(message.deviceTimeUs.low >>> 0, message.deviceTimeUs.high >>> 0, true).toBigInt();
                        else if (typeof message.deviceTimeUs === "number")
                            object.deviceTimeUs = options.longs === $String ? $String(message.deviceTimeUs) : message.deviceTimeUs;
                        else
                            object.deviceTimeUs = options.longs === $String ? $util.Long.prototype.toString.call(message.deviceTimeUs) : options.longs === $Number ? new $util.LongBits(message.deviceTimeUs.low >>> 0, message.deviceTimeUs.high >>> 0).toNumber(true) : message.deviceTimeUs;
                    if (message.quantity != null && $Object.hasOwnProperty.call(message, "quantity"))
                        object.quantity = message.quantity;
                    if (message.value != null && $Object.hasOwnProperty.call(message, "value"))
                        object.value = options.json && !$isFinite(message.value) ? $String(message.value) : message.value;
                    if (message.unit != null && $Object.hasOwnProperty.call(message, "unit"))
                        object.unit = message.unit;
                    if (message.flags != null && $Object.hasOwnProperty.call(message, "flags"))
                        object.flags = message.flags;
                    if (message.channel != null && $Object.hasOwnProperty.call(message, "channel"))
                        object.channel = message.channel;
                    return object;
                };

                /**
                 * Converts this Reading to JSON.
                 * @function toJSON
                 * @memberof fieldchain.device.v1.Reading
                 * @instance
                 * @returns {Object.<string,*>} JSON object
                 */
                Reading.prototype.toJSON = function() {
                    return Reading.toObject(this, $protobuf.util.toJSONOptions);
                };

                /**
                 * Gets the type url for Reading
                 * @function getTypeUrl
                 * @memberof fieldchain.device.v1.Reading
                 * @static
                 * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
                 * @returns {string} The type url
                 */
                Reading.getTypeUrl = function(prefix) {
                    if (prefix === $undefined)
                        prefix = "type.googleapis.com";
                    return prefix + "/fieldchain.device.v1.Reading";
                };

                return Reading;
            })();

            /**
             * ReadingFlag enum.
             * @name fieldchain.device.v1.ReadingFlag
             * @enum {number}
             * @property {number} READING_FLAG_NONE=0 READING_FLAG_NONE value
             * @property {number} READING_FLAG_OVERRANGE=1 READING_FLAG_OVERRANGE value
             * @property {number} READING_FLAG_UNDERRANGE=2 READING_FLAG_UNDERRANGE value
             * @property {number} READING_FLAG_UNSTABLE=4 READING_FLAG_UNSTABLE value
             * @property {number} READING_FLAG_HOLD=8 READING_FLAG_HOLD value
             * @property {number} READING_FLAG_RESENT=16 READING_FLAG_RESENT value
             * @property {number} READING_FLAG_CLOCK_SINCE_BOOT=32 READING_FLAG_CLOCK_SINCE_BOOT value
             */
            v1.ReadingFlag = (function() {
                const valuesById = $Object.create(null), values = $Object.create(valuesById);
                values[valuesById[0] = "READING_FLAG_NONE"] = 0;
                values[valuesById[1] = "READING_FLAG_OVERRANGE"] = 1;
                values[valuesById[2] = "READING_FLAG_UNDERRANGE"] = 2;
                values[valuesById[4] = "READING_FLAG_UNSTABLE"] = 4;
                values[valuesById[8] = "READING_FLAG_HOLD"] = 8;
                values[valuesById[16] = "READING_FLAG_RESENT"] = 16;
                values[valuesById[32] = "READING_FLAG_CLOCK_SINCE_BOOT"] = 32;
                return values;
            })();

            v1.Ack = (function() {

                /**
                 * Properties of an Ack.
                 * @typedef {Object} fieldchain.device.v1.Ack.$Properties
                 * @property {number|null} [upToSeq] Ack upToSeq
                 * @property {Uint8Array|null} [bootId] Ack bootId
                 * @property {Array.<fieldchain.device.v1.SeqRange.$Properties>|null} [sack] Ack sack
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */

                /**
                 * Properties of an Ack.
                 * @memberof fieldchain.device.v1
                 * @interface IAck
                 * @augments fieldchain.device.v1.Ack.$Properties
                 * @deprecated Use fieldchain.device.v1.Ack.$Properties instead.
                 */

                /**
                 * Shape of an Ack.
                 * @typedef {fieldchain.device.v1.Ack.$Properties} fieldchain.device.v1.Ack.$Shape
                 */

                /**
                 * Constructs a new Ack.
                 * @memberof fieldchain.device.v1
                 * @classdesc Represents an Ack.
                 * @constructor
                 * @param {fieldchain.device.v1.Ack.$Properties=} [properties] Properties to set
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */
                const Ack = function (properties) {
                    this.sack = [];
                    if (properties)
                        for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                /**
                 * Ack upToSeq.
                 * @member {number} upToSeq
                 * @memberof fieldchain.device.v1.Ack
                 * @instance
                 */
                Ack.prototype.upToSeq = 0;

                /**
                 * Ack bootId.
                 * @member {Uint8Array} bootId
                 * @memberof fieldchain.device.v1.Ack
                 * @instance
                 */
                Ack.prototype.bootId = $util.newBuffer([]);

                /**
                 * Ack sack.
                 * @member {Array.<fieldchain.device.v1.SeqRange.$Properties>} sack
                 * @memberof fieldchain.device.v1.Ack
                 * @instance
                 */
                Ack.prototype.sack = $util.emptyArray;

                /**
                 * Creates a new Ack instance using the specified properties.
                 * @function create
                 * @memberof fieldchain.device.v1.Ack
                 * @static
                 * @param {fieldchain.device.v1.Ack.$Properties=} [properties] Properties to set
                 * @returns {fieldchain.device.v1.Ack} Ack instance
                 * @type {{
                 *   (properties: fieldchain.device.v1.Ack.$Shape): fieldchain.device.v1.Ack & fieldchain.device.v1.Ack.$Shape;
                 *   (properties?: fieldchain.device.v1.Ack.$Properties): fieldchain.device.v1.Ack;
                 * }}
                 */
                Ack.create = function(properties) {
                    return new Ack(properties);
                };

                /**
                 * Encodes the specified Ack message. Does not implicitly {@link fieldchain.device.v1.Ack.verify|verify} messages.
                 * @function encode
                 * @memberof fieldchain.device.v1.Ack
                 * @static
                 * @param {fieldchain.device.v1.Ack.$Properties} message Ack message or plain object to encode
                 * @param {$protobuf.Writer} [writer] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                Ack.encode = function (message, writer, _depth) {
                    if (!writer)
                        writer = $Writer.create();
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (message.upToSeq != null && $Object.hasOwnProperty.call(message, "upToSeq") && message.upToSeq !== 0)
                        writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.upToSeq);
                    if (message.bootId != null && $Object.hasOwnProperty.call(message, "bootId") && message.bootId.length)
                        writer.uint32(/* id 2, wireType 2 =*/18).bytes(message.bootId);
                    if (message.sack != null && message.sack.length)
                        for (let i = 0; i < message.sack.length; ++i)
                            $root.fieldchain.device.v1.SeqRange.encode(message.sack[i], writer.uint32(/* id 3, wireType 2 =*/26).fork(), _depth + 1).ldelim();
                    if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                        for (let i = 0; i < message.$unknowns.length; ++i)
                            writer.raw(message.$unknowns[i]);
                    return writer;
                };

                /**
                 * Decodes an Ack message from the specified reader or buffer.
                 * @function decode
                 * @memberof fieldchain.device.v1.Ack
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                 * @param {number} [length] Message length if known beforehand
                 * @returns {fieldchain.device.v1.Ack & fieldchain.device.v1.Ack.$Shape} Ack
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                Ack.decode = function (reader, length, _end, _depth, _target) {
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
                    message = _target || new $root.fieldchain.device.v1.Ack();
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
                                if (wireType !== 0)
                                    break;
                                if (value = reader.uint32())
                                    message.upToSeq = value;
                                else
                                    delete message.upToSeq;
                                continue;
                            }
                        case 2: {
                                if (wireType !== 2)
                                    break;
                                if ((value = reader.bytes()).length)
                                    message.bootId = value;
                                else
                                    delete message.bootId;
                                continue;
                            }
                        case 3: {
                                if (wireType !== 2)
                                    break;
                                if (!(message.sack && message.sack.length))
                                    message.sack = [];
                                message.sack.push($root.fieldchain.device.v1.SeqRange.decode(reader, reader.size(), $undefined, _depth + 1));
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
                 * Creates an Ack message from a plain object. Also converts values to their respective internal types.
                 * @function fromObject
                 * @memberof fieldchain.device.v1.Ack
                 * @static
                 * @param {Object.<string,*>} object Plain object
                 * @returns {fieldchain.device.v1.Ack} Ack
                 */
                Ack.fromObject = function (object, _depth) {
                    if (object instanceof $root.fieldchain.device.v1.Ack)
                        return object;
                    if (!$util.isObject(object))
                        throw $TypeError(".fieldchain.device.v1.Ack: object expected");
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let message = new $root.fieldchain.device.v1.Ack();
                    if (object.upToSeq != null)
                        if ($Number(object.upToSeq) !== 0)
                            message.upToSeq = object.upToSeq >>> 0;
                    if (object.bootId != null)
                        if (object.bootId.length)
                            if (typeof object.bootId === "string")
                                $util.base64.decode(object.bootId, message.bootId = $util.newBuffer($util.base64.length(object.bootId)), 0);
                            else if (object.bootId.length >= 0)
                                message.bootId = object.bootId;
                    if (object.sack) {
                        if (!$Array.isArray(object.sack))
                            throw $TypeError(".fieldchain.device.v1.Ack.sack: array expected");
                        message.sack = $Array(object.sack.length);
                        for (let i = 0; i < object.sack.length; ++i) {
                            if (!$util.isObject(object.sack[i]))
                                throw $TypeError(".fieldchain.device.v1.Ack.sack: object expected");
                            message.sack[i] = $root.fieldchain.device.v1.SeqRange.fromObject(object.sack[i], _depth + 1);
                        }
                    }
                    return message;
                };

                /**
                 * Creates a plain object from an Ack message. Also converts values to other types if specified.
                 * @function toObject
                 * @memberof fieldchain.device.v1.Ack
                 * @static
                 * @param {fieldchain.device.v1.Ack} message Ack
                 * @param {$protobuf.IConversionOptions} [options] Conversion options
                 * @returns {Object.<string,*>} Plain object
                 */
                Ack.toObject = function (message, options, _depth) {
                    if (!options)
                        options = {};
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let object = {};
                    if (options.arrays || options.defaults)
                        object.sack = [];
                    if (options.defaults) {
                        object.upToSeq = 0;
                        if (options.bytes === $String)
                            object.bootId = "";
                        else {
                            object.bootId = [];
                            if (options.bytes !== $Array)
                                object.bootId = $util.newBuffer(object.bootId);
                        }
                    }
                    if (message.upToSeq != null && $Object.hasOwnProperty.call(message, "upToSeq"))
                        object.upToSeq = message.upToSeq;
                    if (message.bootId != null && $Object.hasOwnProperty.call(message, "bootId"))
                        object.bootId = options.bytes === $String ? $util.base64.encode(message.bootId, 0, message.bootId.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.bootId) : message.bootId;
                    if (message.sack && message.sack.length) {
                        object.sack = $Array(message.sack.length);
                        for (let j = 0; j < message.sack.length; ++j)
                            object.sack[j] = $root.fieldchain.device.v1.SeqRange.toObject(message.sack[j], options, _depth + 1);
                    }
                    return object;
                };

                /**
                 * Converts this Ack to JSON.
                 * @function toJSON
                 * @memberof fieldchain.device.v1.Ack
                 * @instance
                 * @returns {Object.<string,*>} JSON object
                 */
                Ack.prototype.toJSON = function() {
                    return Ack.toObject(this, $protobuf.util.toJSONOptions);
                };

                /**
                 * Gets the type url for Ack
                 * @function getTypeUrl
                 * @memberof fieldchain.device.v1.Ack
                 * @static
                 * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
                 * @returns {string} The type url
                 */
                Ack.getTypeUrl = function(prefix) {
                    if (prefix === $undefined)
                        prefix = "type.googleapis.com";
                    return prefix + "/fieldchain.device.v1.Ack";
                };

                return Ack;
            })();

            v1.SeqRange = (function() {

                /**
                 * Properties of a SeqRange.
                 * @typedef {Object} fieldchain.device.v1.SeqRange.$Properties
                 * @property {number|null} [first] SeqRange first
                 * @property {number|null} [last] SeqRange last
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */

                /**
                 * Properties of a SeqRange.
                 * @memberof fieldchain.device.v1
                 * @interface ISeqRange
                 * @augments fieldchain.device.v1.SeqRange.$Properties
                 * @deprecated Use fieldchain.device.v1.SeqRange.$Properties instead.
                 */

                /**
                 * Shape of a SeqRange.
                 * @typedef {fieldchain.device.v1.SeqRange.$Properties} fieldchain.device.v1.SeqRange.$Shape
                 */

                /**
                 * Constructs a new SeqRange.
                 * @memberof fieldchain.device.v1
                 * @classdesc Represents a SeqRange.
                 * @constructor
                 * @param {fieldchain.device.v1.SeqRange.$Properties=} [properties] Properties to set
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */
                const SeqRange = function (properties) {
                    if (properties)
                        for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                /**
                 * SeqRange first.
                 * @member {number} first
                 * @memberof fieldchain.device.v1.SeqRange
                 * @instance
                 */
                SeqRange.prototype.first = 0;

                /**
                 * SeqRange last.
                 * @member {number} last
                 * @memberof fieldchain.device.v1.SeqRange
                 * @instance
                 */
                SeqRange.prototype.last = 0;

                /**
                 * Creates a new SeqRange instance using the specified properties.
                 * @function create
                 * @memberof fieldchain.device.v1.SeqRange
                 * @static
                 * @param {fieldchain.device.v1.SeqRange.$Properties=} [properties] Properties to set
                 * @returns {fieldchain.device.v1.SeqRange} SeqRange instance
                 * @type {{
                 *   (properties: fieldchain.device.v1.SeqRange.$Shape): fieldchain.device.v1.SeqRange & fieldchain.device.v1.SeqRange.$Shape;
                 *   (properties?: fieldchain.device.v1.SeqRange.$Properties): fieldchain.device.v1.SeqRange;
                 * }}
                 */
                SeqRange.create = function(properties) {
                    return new SeqRange(properties);
                };

                /**
                 * Encodes the specified SeqRange message. Does not implicitly {@link fieldchain.device.v1.SeqRange.verify|verify} messages.
                 * @function encode
                 * @memberof fieldchain.device.v1.SeqRange
                 * @static
                 * @param {fieldchain.device.v1.SeqRange.$Properties} message SeqRange message or plain object to encode
                 * @param {$protobuf.Writer} [writer] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                SeqRange.encode = function (message, writer, _depth) {
                    if (!writer)
                        writer = $Writer.create();
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (message.first != null && $Object.hasOwnProperty.call(message, "first") && message.first !== 0)
                        writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.first);
                    if (message.last != null && $Object.hasOwnProperty.call(message, "last") && message.last !== 0)
                        writer.uint32(/* id 2, wireType 0 =*/16).uint32(message.last);
                    if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                        for (let i = 0; i < message.$unknowns.length; ++i)
                            writer.raw(message.$unknowns[i]);
                    return writer;
                };

                /**
                 * Decodes a SeqRange message from the specified reader or buffer.
                 * @function decode
                 * @memberof fieldchain.device.v1.SeqRange
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                 * @param {number} [length] Message length if known beforehand
                 * @returns {fieldchain.device.v1.SeqRange & fieldchain.device.v1.SeqRange.$Shape} SeqRange
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                SeqRange.decode = function (reader, length, _end, _depth, _target) {
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
                    message = _target || new $root.fieldchain.device.v1.SeqRange();
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
                                if (wireType !== 0)
                                    break;
                                if (value = reader.uint32())
                                    message.first = value;
                                else
                                    delete message.first;
                                continue;
                            }
                        case 2: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.uint32())
                                    message.last = value;
                                else
                                    delete message.last;
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
                 * Creates a SeqRange message from a plain object. Also converts values to their respective internal types.
                 * @function fromObject
                 * @memberof fieldchain.device.v1.SeqRange
                 * @static
                 * @param {Object.<string,*>} object Plain object
                 * @returns {fieldchain.device.v1.SeqRange} SeqRange
                 */
                SeqRange.fromObject = function (object, _depth) {
                    if (object instanceof $root.fieldchain.device.v1.SeqRange)
                        return object;
                    if (!$util.isObject(object))
                        throw $TypeError(".fieldchain.device.v1.SeqRange: object expected");
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let message = new $root.fieldchain.device.v1.SeqRange();
                    if (object.first != null)
                        if ($Number(object.first) !== 0)
                            message.first = object.first >>> 0;
                    if (object.last != null)
                        if ($Number(object.last) !== 0)
                            message.last = object.last >>> 0;
                    return message;
                };

                /**
                 * Creates a plain object from a SeqRange message. Also converts values to other types if specified.
                 * @function toObject
                 * @memberof fieldchain.device.v1.SeqRange
                 * @static
                 * @param {fieldchain.device.v1.SeqRange} message SeqRange
                 * @param {$protobuf.IConversionOptions} [options] Conversion options
                 * @returns {Object.<string,*>} Plain object
                 */
                SeqRange.toObject = function (message, options, _depth) {
                    if (!options)
                        options = {};
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let object = {};
                    if (options.defaults) {
                        object.first = 0;
                        object.last = 0;
                    }
                    if (message.first != null && $Object.hasOwnProperty.call(message, "first"))
                        object.first = message.first;
                    if (message.last != null && $Object.hasOwnProperty.call(message, "last"))
                        object.last = message.last;
                    return object;
                };

                /**
                 * Converts this SeqRange to JSON.
                 * @function toJSON
                 * @memberof fieldchain.device.v1.SeqRange
                 * @instance
                 * @returns {Object.<string,*>} JSON object
                 */
                SeqRange.prototype.toJSON = function() {
                    return SeqRange.toObject(this, $protobuf.util.toJSONOptions);
                };

                /**
                 * Gets the type url for SeqRange
                 * @function getTypeUrl
                 * @memberof fieldchain.device.v1.SeqRange
                 * @static
                 * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
                 * @returns {string} The type url
                 */
                SeqRange.getTypeUrl = function(prefix) {
                    if (prefix === $undefined)
                        prefix = "type.googleapis.com";
                    return prefix + "/fieldchain.device.v1.SeqRange";
                };

                return SeqRange;
            })();

            v1.Command = (function() {

                /**
                 * Properties of a Command.
                 * @typedef {Object} fieldchain.device.v1.Command.$Properties
                 * @property {fieldchain.device.v1.StartStreaming.$Properties|null} [startStreaming] Command startStreaming
                 * @property {fieldchain.device.v1.StopStreaming.$Properties|null} [stopStreaming] Command stopStreaming
                 * @property {fieldchain.device.v1.Identify.$Properties|null} [identify] Command identify
                 * @property {fieldchain.device.v1.SetRate.$Properties|null} [setRate] Command setRate
                 * @property {fieldchain.device.v1.GetStatus.$Properties|null} [getStatus] Command getStatus
                 * @property {fieldchain.device.v1.Reboot.$Properties|null} [reboot] Command reboot
                 * @property {"startStreaming"|"stopStreaming"|"identify"|"setRate"|"getStatus"|"reboot"} [action] Command action
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */

                /**
                 * Properties of a Command.
                 * @memberof fieldchain.device.v1
                 * @interface ICommand
                 * @augments fieldchain.device.v1.Command.$Properties
                 * @deprecated Use fieldchain.device.v1.Command.$Properties instead.
                 */

                /**
                 * Narrowed shape of a Command.
                 * @typedef {{
                 *   startStreaming?: fieldchain.device.v1.StartStreaming.$Shape|null;
                 *   stopStreaming?: fieldchain.device.v1.StopStreaming.$Shape|null;
                 *   identify?: fieldchain.device.v1.Identify.$Shape|null;
                 *   setRate?: fieldchain.device.v1.SetRate.$Shape|null;
                 *   getStatus?: fieldchain.device.v1.GetStatus.$Shape|null;
                 *   reboot?: fieldchain.device.v1.Reboot.$Shape|null;
                 *   $unknowns?: Array.<Uint8Array>;
                 * } & (
                 *   ({ action?: undefined; startStreaming?: null; stopStreaming?: null; identify?: null; setRate?: null; getStatus?: null; reboot?: null }|{ action?: "startStreaming"; startStreaming: fieldchain.device.v1.StartStreaming.$Shape; stopStreaming?: null; identify?: null; setRate?: null; getStatus?: null; reboot?: null }|{ action?: "stopStreaming"; startStreaming?: null; stopStreaming: fieldchain.device.v1.StopStreaming.$Shape; identify?: null; setRate?: null; getStatus?: null; reboot?: null }|{ action?: "identify"; startStreaming?: null; stopStreaming?: null; identify: fieldchain.device.v1.Identify.$Shape; setRate?: null; getStatus?: null; reboot?: null }|{ action?: "setRate"; startStreaming?: null; stopStreaming?: null; identify?: null; setRate: fieldchain.device.v1.SetRate.$Shape; getStatus?: null; reboot?: null }|{ action?: "getStatus"; startStreaming?: null; stopStreaming?: null; identify?: null; setRate?: null; getStatus: fieldchain.device.v1.GetStatus.$Shape; reboot?: null }|{ action?: "reboot"; startStreaming?: null; stopStreaming?: null; identify?: null; setRate?: null; getStatus?: null; reboot: fieldchain.device.v1.Reboot.$Shape })
                 * )} fieldchain.device.v1.Command.$Shape
                 */

                /**
                 * Constructs a new Command.
                 * @memberof fieldchain.device.v1
                 * @classdesc Represents a Command.
                 * @constructor
                 * @param {fieldchain.device.v1.Command.$Properties=} [properties] Properties to set
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */
                const Command = function (properties) {
                    if (properties)
                        for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                /**
                 * Command startStreaming.
                 * @member {fieldchain.device.v1.StartStreaming.$Properties|null|undefined} startStreaming
                 * @memberof fieldchain.device.v1.Command
                 * @instance
                 */
                Command.prototype.startStreaming = null;

                /**
                 * Command stopStreaming.
                 * @member {fieldchain.device.v1.StopStreaming.$Properties|null|undefined} stopStreaming
                 * @memberof fieldchain.device.v1.Command
                 * @instance
                 */
                Command.prototype.stopStreaming = null;

                /**
                 * Command identify.
                 * @member {fieldchain.device.v1.Identify.$Properties|null|undefined} identify
                 * @memberof fieldchain.device.v1.Command
                 * @instance
                 */
                Command.prototype.identify = null;

                /**
                 * Command setRate.
                 * @member {fieldchain.device.v1.SetRate.$Properties|null|undefined} setRate
                 * @memberof fieldchain.device.v1.Command
                 * @instance
                 */
                Command.prototype.setRate = null;

                /**
                 * Command getStatus.
                 * @member {fieldchain.device.v1.GetStatus.$Properties|null|undefined} getStatus
                 * @memberof fieldchain.device.v1.Command
                 * @instance
                 */
                Command.prototype.getStatus = null;

                /**
                 * Command reboot.
                 * @member {fieldchain.device.v1.Reboot.$Properties|null|undefined} reboot
                 * @memberof fieldchain.device.v1.Command
                 * @instance
                 */
                Command.prototype.reboot = null;

                // OneOf field names bound to virtual getters and setters
                let $oneOfFields;

                /**
                 * Command action.
                 * @member {"startStreaming"|"stopStreaming"|"identify"|"setRate"|"getStatus"|"reboot"|undefined} action
                 * @memberof fieldchain.device.v1.Command
                 * @instance
                 */
                $Object.defineProperty(Command.prototype, "action", {
                    get: $util.oneOfGetter($oneOfFields = ["startStreaming", "stopStreaming", "identify", "setRate", "getStatus", "reboot"]),
                    set: $util.oneOfSetter($oneOfFields)
                });

                /**
                 * Creates a new Command instance using the specified properties.
                 * @function create
                 * @memberof fieldchain.device.v1.Command
                 * @static
                 * @param {fieldchain.device.v1.Command.$Properties=} [properties] Properties to set
                 * @returns {fieldchain.device.v1.Command} Command instance
                 * @type {{
                 *   (properties: fieldchain.device.v1.Command.$Shape): fieldchain.device.v1.Command & fieldchain.device.v1.Command.$Shape;
                 *   (properties?: fieldchain.device.v1.Command.$Properties): fieldchain.device.v1.Command;
                 * }}
                 */
                Command.create = function(properties) {
                    return new Command(properties);
                };

                /**
                 * Encodes the specified Command message. Does not implicitly {@link fieldchain.device.v1.Command.verify|verify} messages.
                 * @function encode
                 * @memberof fieldchain.device.v1.Command
                 * @static
                 * @param {fieldchain.device.v1.Command.$Properties} message Command message or plain object to encode
                 * @param {$protobuf.Writer} [writer] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                Command.encode = function (message, writer, _depth) {
                    if (!writer)
                        writer = $Writer.create();
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (message.startStreaming != null && $Object.hasOwnProperty.call(message, "startStreaming"))
                        $root.fieldchain.device.v1.StartStreaming.encode(message.startStreaming, writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
                    if (message.stopStreaming != null && $Object.hasOwnProperty.call(message, "stopStreaming"))
                        $root.fieldchain.device.v1.StopStreaming.encode(message.stopStreaming, writer.uint32(/* id 2, wireType 2 =*/18).fork(), _depth + 1).ldelim();
                    if (message.identify != null && $Object.hasOwnProperty.call(message, "identify"))
                        $root.fieldchain.device.v1.Identify.encode(message.identify, writer.uint32(/* id 3, wireType 2 =*/26).fork(), _depth + 1).ldelim();
                    if (message.setRate != null && $Object.hasOwnProperty.call(message, "setRate"))
                        $root.fieldchain.device.v1.SetRate.encode(message.setRate, writer.uint32(/* id 4, wireType 2 =*/34).fork(), _depth + 1).ldelim();
                    if (message.getStatus != null && $Object.hasOwnProperty.call(message, "getStatus"))
                        $root.fieldchain.device.v1.GetStatus.encode(message.getStatus, writer.uint32(/* id 5, wireType 2 =*/42).fork(), _depth + 1).ldelim();
                    if (message.reboot != null && $Object.hasOwnProperty.call(message, "reboot"))
                        $root.fieldchain.device.v1.Reboot.encode(message.reboot, writer.uint32(/* id 6, wireType 2 =*/50).fork(), _depth + 1).ldelim();
                    if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                        for (let i = 0; i < message.$unknowns.length; ++i)
                            writer.raw(message.$unknowns[i]);
                    return writer;
                };

                /**
                 * Decodes a Command message from the specified reader or buffer.
                 * @function decode
                 * @memberof fieldchain.device.v1.Command
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                 * @param {number} [length] Message length if known beforehand
                 * @returns {fieldchain.device.v1.Command & fieldchain.device.v1.Command.$Shape} Command
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                Command.decode = function (reader, length, _end, _depth, _target) {
                    if (!(reader instanceof $Reader))
                        reader = $Reader.create(reader);
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    let end, message;
                    if (length === $undefined)
                        end = reader.len;
                    else {
                        end = reader.pos + length;
                        if (end > reader.len)
                            throw $RangeError("index out of range");
                        length = reader.len;
                        reader.len = end;
                    }
                    message = _target || new $root.fieldchain.device.v1.Command();
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
                                message.startStreaming = $root.fieldchain.device.v1.StartStreaming.decode(reader, reader.size(), $undefined, _depth + 1, message.startStreaming);
                                message.action = "startStreaming";
                                continue;
                            }
                        case 2: {
                                if (wireType !== 2)
                                    break;
                                message.stopStreaming = $root.fieldchain.device.v1.StopStreaming.decode(reader, reader.size(), $undefined, _depth + 1, message.stopStreaming);
                                message.action = "stopStreaming";
                                continue;
                            }
                        case 3: {
                                if (wireType !== 2)
                                    break;
                                message.identify = $root.fieldchain.device.v1.Identify.decode(reader, reader.size(), $undefined, _depth + 1, message.identify);
                                message.action = "identify";
                                continue;
                            }
                        case 4: {
                                if (wireType !== 2)
                                    break;
                                message.setRate = $root.fieldchain.device.v1.SetRate.decode(reader, reader.size(), $undefined, _depth + 1, message.setRate);
                                message.action = "setRate";
                                continue;
                            }
                        case 5: {
                                if (wireType !== 2)
                                    break;
                                message.getStatus = $root.fieldchain.device.v1.GetStatus.decode(reader, reader.size(), $undefined, _depth + 1, message.getStatus);
                                message.action = "getStatus";
                                continue;
                            }
                        case 6: {
                                if (wireType !== 2)
                                    break;
                                message.reboot = $root.fieldchain.device.v1.Reboot.decode(reader, reader.size(), $undefined, _depth + 1, message.reboot);
                                message.action = "reboot";
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
                 * Creates a Command message from a plain object. Also converts values to their respective internal types.
                 * @function fromObject
                 * @memberof fieldchain.device.v1.Command
                 * @static
                 * @param {Object.<string,*>} object Plain object
                 * @returns {fieldchain.device.v1.Command} Command
                 */
                Command.fromObject = function (object, _depth) {
                    if (object instanceof $root.fieldchain.device.v1.Command)
                        return object;
                    if (!$util.isObject(object))
                        throw $TypeError(".fieldchain.device.v1.Command: object expected");
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let message = new $root.fieldchain.device.v1.Command();
                    if (object.startStreaming != null) {
                        if (!$util.isObject(object.startStreaming))
                            throw $TypeError(".fieldchain.device.v1.Command.startStreaming: object expected");
                        message.startStreaming = $root.fieldchain.device.v1.StartStreaming.fromObject(object.startStreaming, _depth + 1);
                    }
                    if (object.stopStreaming != null) {
                        if (!$util.isObject(object.stopStreaming))
                            throw $TypeError(".fieldchain.device.v1.Command.stopStreaming: object expected");
                        message.stopStreaming = $root.fieldchain.device.v1.StopStreaming.fromObject(object.stopStreaming, _depth + 1);
                    }
                    if (object.identify != null) {
                        if (!$util.isObject(object.identify))
                            throw $TypeError(".fieldchain.device.v1.Command.identify: object expected");
                        message.identify = $root.fieldchain.device.v1.Identify.fromObject(object.identify, _depth + 1);
                    }
                    if (object.setRate != null) {
                        if (!$util.isObject(object.setRate))
                            throw $TypeError(".fieldchain.device.v1.Command.setRate: object expected");
                        message.setRate = $root.fieldchain.device.v1.SetRate.fromObject(object.setRate, _depth + 1);
                    }
                    if (object.getStatus != null) {
                        if (!$util.isObject(object.getStatus))
                            throw $TypeError(".fieldchain.device.v1.Command.getStatus: object expected");
                        message.getStatus = $root.fieldchain.device.v1.GetStatus.fromObject(object.getStatus, _depth + 1);
                    }
                    if (object.reboot != null) {
                        if (!$util.isObject(object.reboot))
                            throw $TypeError(".fieldchain.device.v1.Command.reboot: object expected");
                        message.reboot = $root.fieldchain.device.v1.Reboot.fromObject(object.reboot, _depth + 1);
                    }
                    return message;
                };

                /**
                 * Creates a plain object from a Command message. Also converts values to other types if specified.
                 * @function toObject
                 * @memberof fieldchain.device.v1.Command
                 * @static
                 * @param {fieldchain.device.v1.Command} message Command
                 * @param {$protobuf.IConversionOptions} [options] Conversion options
                 * @returns {Object.<string,*>} Plain object
                 */
                Command.toObject = function (message, options, _depth) {
                    if (!options)
                        options = {};
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let object = {};
                    if (message.startStreaming != null && $Object.hasOwnProperty.call(message, "startStreaming")) {
                        object.startStreaming = $root.fieldchain.device.v1.StartStreaming.toObject(message.startStreaming, options, _depth + 1);
                        if (options.oneofs)
                            object.action = "startStreaming";
                    }
                    if (message.stopStreaming != null && $Object.hasOwnProperty.call(message, "stopStreaming")) {
                        object.stopStreaming = $root.fieldchain.device.v1.StopStreaming.toObject(message.stopStreaming, options, _depth + 1);
                        if (options.oneofs)
                            object.action = "stopStreaming";
                    }
                    if (message.identify != null && $Object.hasOwnProperty.call(message, "identify")) {
                        object.identify = $root.fieldchain.device.v1.Identify.toObject(message.identify, options, _depth + 1);
                        if (options.oneofs)
                            object.action = "identify";
                    }
                    if (message.setRate != null && $Object.hasOwnProperty.call(message, "setRate")) {
                        object.setRate = $root.fieldchain.device.v1.SetRate.toObject(message.setRate, options, _depth + 1);
                        if (options.oneofs)
                            object.action = "setRate";
                    }
                    if (message.getStatus != null && $Object.hasOwnProperty.call(message, "getStatus")) {
                        object.getStatus = $root.fieldchain.device.v1.GetStatus.toObject(message.getStatus, options, _depth + 1);
                        if (options.oneofs)
                            object.action = "getStatus";
                    }
                    if (message.reboot != null && $Object.hasOwnProperty.call(message, "reboot")) {
                        object.reboot = $root.fieldchain.device.v1.Reboot.toObject(message.reboot, options, _depth + 1);
                        if (options.oneofs)
                            object.action = "reboot";
                    }
                    return object;
                };

                /**
                 * Converts this Command to JSON.
                 * @function toJSON
                 * @memberof fieldchain.device.v1.Command
                 * @instance
                 * @returns {Object.<string,*>} JSON object
                 */
                Command.prototype.toJSON = function() {
                    return Command.toObject(this, $protobuf.util.toJSONOptions);
                };

                /**
                 * Gets the type url for Command
                 * @function getTypeUrl
                 * @memberof fieldchain.device.v1.Command
                 * @static
                 * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
                 * @returns {string} The type url
                 */
                Command.getTypeUrl = function(prefix) {
                    if (prefix === $undefined)
                        prefix = "type.googleapis.com";
                    return prefix + "/fieldchain.device.v1.Command";
                };

                return Command;
            })();

            v1.StartStreaming = (function() {

                /**
                 * Properties of a StartStreaming.
                 * @typedef {Object} fieldchain.device.v1.StartStreaming.$Properties
                 * @property {string|null} [quantity] StartStreaming quantity
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */

                /**
                 * Properties of a StartStreaming.
                 * @memberof fieldchain.device.v1
                 * @interface IStartStreaming
                 * @augments fieldchain.device.v1.StartStreaming.$Properties
                 * @deprecated Use fieldchain.device.v1.StartStreaming.$Properties instead.
                 */

                /**
                 * Shape of a StartStreaming.
                 * @typedef {fieldchain.device.v1.StartStreaming.$Properties} fieldchain.device.v1.StartStreaming.$Shape
                 */

                /**
                 * Constructs a new StartStreaming.
                 * @memberof fieldchain.device.v1
                 * @classdesc Represents a StartStreaming.
                 * @constructor
                 * @param {fieldchain.device.v1.StartStreaming.$Properties=} [properties] Properties to set
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */
                const StartStreaming = function (properties) {
                    if (properties)
                        for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                /**
                 * StartStreaming quantity.
                 * @member {string} quantity
                 * @memberof fieldchain.device.v1.StartStreaming
                 * @instance
                 */
                StartStreaming.prototype.quantity = "";

                /**
                 * Creates a new StartStreaming instance using the specified properties.
                 * @function create
                 * @memberof fieldchain.device.v1.StartStreaming
                 * @static
                 * @param {fieldchain.device.v1.StartStreaming.$Properties=} [properties] Properties to set
                 * @returns {fieldchain.device.v1.StartStreaming} StartStreaming instance
                 * @type {{
                 *   (properties: fieldchain.device.v1.StartStreaming.$Shape): fieldchain.device.v1.StartStreaming & fieldchain.device.v1.StartStreaming.$Shape;
                 *   (properties?: fieldchain.device.v1.StartStreaming.$Properties): fieldchain.device.v1.StartStreaming;
                 * }}
                 */
                StartStreaming.create = function(properties) {
                    return new StartStreaming(properties);
                };

                /**
                 * Encodes the specified StartStreaming message. Does not implicitly {@link fieldchain.device.v1.StartStreaming.verify|verify} messages.
                 * @function encode
                 * @memberof fieldchain.device.v1.StartStreaming
                 * @static
                 * @param {fieldchain.device.v1.StartStreaming.$Properties} message StartStreaming message or plain object to encode
                 * @param {$protobuf.Writer} [writer] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                StartStreaming.encode = function (message, writer, _depth) {
                    if (!writer)
                        writer = $Writer.create();
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (message.quantity != null && $Object.hasOwnProperty.call(message, "quantity") && message.quantity !== "")
                        writer.uint32(/* id 1, wireType 2 =*/10).string(message.quantity);
                    if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                        for (let i = 0; i < message.$unknowns.length; ++i)
                            writer.raw(message.$unknowns[i]);
                    return writer;
                };

                /**
                 * Decodes a StartStreaming message from the specified reader or buffer.
                 * @function decode
                 * @memberof fieldchain.device.v1.StartStreaming
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                 * @param {number} [length] Message length if known beforehand
                 * @returns {fieldchain.device.v1.StartStreaming & fieldchain.device.v1.StartStreaming.$Shape} StartStreaming
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                StartStreaming.decode = function (reader, length, _end, _depth, _target) {
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
                    message = _target || new $root.fieldchain.device.v1.StartStreaming();
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
                                    message.quantity = value;
                                else
                                    delete message.quantity;
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
                 * Creates a StartStreaming message from a plain object. Also converts values to their respective internal types.
                 * @function fromObject
                 * @memberof fieldchain.device.v1.StartStreaming
                 * @static
                 * @param {Object.<string,*>} object Plain object
                 * @returns {fieldchain.device.v1.StartStreaming} StartStreaming
                 */
                StartStreaming.fromObject = function (object, _depth) {
                    if (object instanceof $root.fieldchain.device.v1.StartStreaming)
                        return object;
                    if (!$util.isObject(object))
                        throw $TypeError(".fieldchain.device.v1.StartStreaming: object expected");
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let message = new $root.fieldchain.device.v1.StartStreaming();
                    if (object.quantity != null)
                        if (typeof object.quantity !== "string" || object.quantity.length)
                            message.quantity = $String(object.quantity);
                    return message;
                };

                /**
                 * Creates a plain object from a StartStreaming message. Also converts values to other types if specified.
                 * @function toObject
                 * @memberof fieldchain.device.v1.StartStreaming
                 * @static
                 * @param {fieldchain.device.v1.StartStreaming} message StartStreaming
                 * @param {$protobuf.IConversionOptions} [options] Conversion options
                 * @returns {Object.<string,*>} Plain object
                 */
                StartStreaming.toObject = function (message, options, _depth) {
                    if (!options)
                        options = {};
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let object = {};
                    if (options.defaults)
                        object.quantity = "";
                    if (message.quantity != null && $Object.hasOwnProperty.call(message, "quantity"))
                        object.quantity = message.quantity;
                    return object;
                };

                /**
                 * Converts this StartStreaming to JSON.
                 * @function toJSON
                 * @memberof fieldchain.device.v1.StartStreaming
                 * @instance
                 * @returns {Object.<string,*>} JSON object
                 */
                StartStreaming.prototype.toJSON = function() {
                    return StartStreaming.toObject(this, $protobuf.util.toJSONOptions);
                };

                /**
                 * Gets the type url for StartStreaming
                 * @function getTypeUrl
                 * @memberof fieldchain.device.v1.StartStreaming
                 * @static
                 * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
                 * @returns {string} The type url
                 */
                StartStreaming.getTypeUrl = function(prefix) {
                    if (prefix === $undefined)
                        prefix = "type.googleapis.com";
                    return prefix + "/fieldchain.device.v1.StartStreaming";
                };

                return StartStreaming;
            })();

            v1.StopStreaming = (function() {

                /**
                 * Properties of a StopStreaming.
                 * @typedef {Object} fieldchain.device.v1.StopStreaming.$Properties
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */

                /**
                 * Properties of a StopStreaming.
                 * @memberof fieldchain.device.v1
                 * @interface IStopStreaming
                 * @augments fieldchain.device.v1.StopStreaming.$Properties
                 * @deprecated Use fieldchain.device.v1.StopStreaming.$Properties instead.
                 */

                /**
                 * Shape of a StopStreaming.
                 * @typedef {fieldchain.device.v1.StopStreaming.$Properties} fieldchain.device.v1.StopStreaming.$Shape
                 */

                /**
                 * Constructs a new StopStreaming.
                 * @memberof fieldchain.device.v1
                 * @classdesc Represents a StopStreaming.
                 * @constructor
                 * @param {fieldchain.device.v1.StopStreaming.$Properties=} [properties] Properties to set
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */
                const StopStreaming = function (properties) {
                    if (properties)
                        for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                /**
                 * Creates a new StopStreaming instance using the specified properties.
                 * @function create
                 * @memberof fieldchain.device.v1.StopStreaming
                 * @static
                 * @param {fieldchain.device.v1.StopStreaming.$Properties=} [properties] Properties to set
                 * @returns {fieldchain.device.v1.StopStreaming} StopStreaming instance
                 * @type {{
                 *   (properties: fieldchain.device.v1.StopStreaming.$Shape): fieldchain.device.v1.StopStreaming & fieldchain.device.v1.StopStreaming.$Shape;
                 *   (properties?: fieldchain.device.v1.StopStreaming.$Properties): fieldchain.device.v1.StopStreaming;
                 * }}
                 */
                StopStreaming.create = function(properties) {
                    return new StopStreaming(properties);
                };

                /**
                 * Encodes the specified StopStreaming message. Does not implicitly {@link fieldchain.device.v1.StopStreaming.verify|verify} messages.
                 * @function encode
                 * @memberof fieldchain.device.v1.StopStreaming
                 * @static
                 * @param {fieldchain.device.v1.StopStreaming.$Properties} message StopStreaming message or plain object to encode
                 * @param {$protobuf.Writer} [writer] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                StopStreaming.encode = function (message, writer, _depth) {
                    if (!writer)
                        writer = $Writer.create();
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                        for (let i = 0; i < message.$unknowns.length; ++i)
                            writer.raw(message.$unknowns[i]);
                    return writer;
                };

                /**
                 * Decodes a StopStreaming message from the specified reader or buffer.
                 * @function decode
                 * @memberof fieldchain.device.v1.StopStreaming
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                 * @param {number} [length] Message length if known beforehand
                 * @returns {fieldchain.device.v1.StopStreaming & fieldchain.device.v1.StopStreaming.$Shape} StopStreaming
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                StopStreaming.decode = function (reader, length, _end, _depth, _target) {
                    if (!(reader instanceof $Reader))
                        reader = $Reader.create(reader);
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    let end, message;
                    if (length === $undefined)
                        end = reader.len;
                    else {
                        end = reader.pos + length;
                        if (end > reader.len)
                            throw $RangeError("index out of range");
                        length = reader.len;
                        reader.len = end;
                    }
                    message = _target || new $root.fieldchain.device.v1.StopStreaming();
                    while (reader.pos < end) {
                        let start = reader.pos;
                        let tag = reader.tag();
                        if (tag === _end) {
                            _end = $undefined;
                            break;
                        }
                        reader.skipType(tag & 7, _depth, tag);
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
                 * Creates a StopStreaming message from a plain object. Also converts values to their respective internal types.
                 * @function fromObject
                 * @memberof fieldchain.device.v1.StopStreaming
                 * @static
                 * @param {Object.<string,*>} object Plain object
                 * @returns {fieldchain.device.v1.StopStreaming} StopStreaming
                 */
                StopStreaming.fromObject = function (object, _depth) {
                    if (object instanceof $root.fieldchain.device.v1.StopStreaming)
                        return object;
                    if (!$util.isObject(object))
                        throw $TypeError(".fieldchain.device.v1.StopStreaming: object expected");
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    return new $root.fieldchain.device.v1.StopStreaming();
                };

                /**
                 * Creates a plain object from a StopStreaming message. Also converts values to other types if specified.
                 * @function toObject
                 * @memberof fieldchain.device.v1.StopStreaming
                 * @static
                 * @param {fieldchain.device.v1.StopStreaming} message StopStreaming
                 * @param {$protobuf.IConversionOptions} [options] Conversion options
                 * @returns {Object.<string,*>} Plain object
                 */
                StopStreaming.toObject = function () {
                    return {};
                };

                /**
                 * Converts this StopStreaming to JSON.
                 * @function toJSON
                 * @memberof fieldchain.device.v1.StopStreaming
                 * @instance
                 * @returns {Object.<string,*>} JSON object
                 */
                StopStreaming.prototype.toJSON = function() {
                    return StopStreaming.toObject(this, $protobuf.util.toJSONOptions);
                };

                /**
                 * Gets the type url for StopStreaming
                 * @function getTypeUrl
                 * @memberof fieldchain.device.v1.StopStreaming
                 * @static
                 * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
                 * @returns {string} The type url
                 */
                StopStreaming.getTypeUrl = function(prefix) {
                    if (prefix === $undefined)
                        prefix = "type.googleapis.com";
                    return prefix + "/fieldchain.device.v1.StopStreaming";
                };

                return StopStreaming;
            })();

            v1.Identify = (function() {

                /**
                 * Properties of an Identify.
                 * @typedef {Object} fieldchain.device.v1.Identify.$Properties
                 * @property {number|null} [durationMs] Identify durationMs
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */

                /**
                 * Properties of an Identify.
                 * @memberof fieldchain.device.v1
                 * @interface IIdentify
                 * @augments fieldchain.device.v1.Identify.$Properties
                 * @deprecated Use fieldchain.device.v1.Identify.$Properties instead.
                 */

                /**
                 * Shape of an Identify.
                 * @typedef {fieldchain.device.v1.Identify.$Properties} fieldchain.device.v1.Identify.$Shape
                 */

                /**
                 * Constructs a new Identify.
                 * @memberof fieldchain.device.v1
                 * @classdesc Represents an Identify.
                 * @constructor
                 * @param {fieldchain.device.v1.Identify.$Properties=} [properties] Properties to set
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */
                const Identify = function (properties) {
                    if (properties)
                        for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                /**
                 * Identify durationMs.
                 * @member {number} durationMs
                 * @memberof fieldchain.device.v1.Identify
                 * @instance
                 */
                Identify.prototype.durationMs = 0;

                /**
                 * Creates a new Identify instance using the specified properties.
                 * @function create
                 * @memberof fieldchain.device.v1.Identify
                 * @static
                 * @param {fieldchain.device.v1.Identify.$Properties=} [properties] Properties to set
                 * @returns {fieldchain.device.v1.Identify} Identify instance
                 * @type {{
                 *   (properties: fieldchain.device.v1.Identify.$Shape): fieldchain.device.v1.Identify & fieldchain.device.v1.Identify.$Shape;
                 *   (properties?: fieldchain.device.v1.Identify.$Properties): fieldchain.device.v1.Identify;
                 * }}
                 */
                Identify.create = function(properties) {
                    return new Identify(properties);
                };

                /**
                 * Encodes the specified Identify message. Does not implicitly {@link fieldchain.device.v1.Identify.verify|verify} messages.
                 * @function encode
                 * @memberof fieldchain.device.v1.Identify
                 * @static
                 * @param {fieldchain.device.v1.Identify.$Properties} message Identify message or plain object to encode
                 * @param {$protobuf.Writer} [writer] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                Identify.encode = function (message, writer, _depth) {
                    if (!writer)
                        writer = $Writer.create();
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (message.durationMs != null && $Object.hasOwnProperty.call(message, "durationMs") && message.durationMs !== 0)
                        writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.durationMs);
                    if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                        for (let i = 0; i < message.$unknowns.length; ++i)
                            writer.raw(message.$unknowns[i]);
                    return writer;
                };

                /**
                 * Decodes an Identify message from the specified reader or buffer.
                 * @function decode
                 * @memberof fieldchain.device.v1.Identify
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                 * @param {number} [length] Message length if known beforehand
                 * @returns {fieldchain.device.v1.Identify & fieldchain.device.v1.Identify.$Shape} Identify
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                Identify.decode = function (reader, length, _end, _depth, _target) {
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
                    message = _target || new $root.fieldchain.device.v1.Identify();
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
                                if (wireType !== 0)
                                    break;
                                if (value = reader.uint32())
                                    message.durationMs = value;
                                else
                                    delete message.durationMs;
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
                 * Creates an Identify message from a plain object. Also converts values to their respective internal types.
                 * @function fromObject
                 * @memberof fieldchain.device.v1.Identify
                 * @static
                 * @param {Object.<string,*>} object Plain object
                 * @returns {fieldchain.device.v1.Identify} Identify
                 */
                Identify.fromObject = function (object, _depth) {
                    if (object instanceof $root.fieldchain.device.v1.Identify)
                        return object;
                    if (!$util.isObject(object))
                        throw $TypeError(".fieldchain.device.v1.Identify: object expected");
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let message = new $root.fieldchain.device.v1.Identify();
                    if (object.durationMs != null)
                        if ($Number(object.durationMs) !== 0)
                            message.durationMs = object.durationMs >>> 0;
                    return message;
                };

                /**
                 * Creates a plain object from an Identify message. Also converts values to other types if specified.
                 * @function toObject
                 * @memberof fieldchain.device.v1.Identify
                 * @static
                 * @param {fieldchain.device.v1.Identify} message Identify
                 * @param {$protobuf.IConversionOptions} [options] Conversion options
                 * @returns {Object.<string,*>} Plain object
                 */
                Identify.toObject = function (message, options, _depth) {
                    if (!options)
                        options = {};
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let object = {};
                    if (options.defaults)
                        object.durationMs = 0;
                    if (message.durationMs != null && $Object.hasOwnProperty.call(message, "durationMs"))
                        object.durationMs = message.durationMs;
                    return object;
                };

                /**
                 * Converts this Identify to JSON.
                 * @function toJSON
                 * @memberof fieldchain.device.v1.Identify
                 * @instance
                 * @returns {Object.<string,*>} JSON object
                 */
                Identify.prototype.toJSON = function() {
                    return Identify.toObject(this, $protobuf.util.toJSONOptions);
                };

                /**
                 * Gets the type url for Identify
                 * @function getTypeUrl
                 * @memberof fieldchain.device.v1.Identify
                 * @static
                 * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
                 * @returns {string} The type url
                 */
                Identify.getTypeUrl = function(prefix) {
                    if (prefix === $undefined)
                        prefix = "type.googleapis.com";
                    return prefix + "/fieldchain.device.v1.Identify";
                };

                return Identify;
            })();

            v1.SetRate = (function() {

                /**
                 * Properties of a SetRate.
                 * @typedef {Object} fieldchain.device.v1.SetRate.$Properties
                 * @property {number|null} [readingsPerSecond] SetRate readingsPerSecond
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */

                /**
                 * Properties of a SetRate.
                 * @memberof fieldchain.device.v1
                 * @interface ISetRate
                 * @augments fieldchain.device.v1.SetRate.$Properties
                 * @deprecated Use fieldchain.device.v1.SetRate.$Properties instead.
                 */

                /**
                 * Shape of a SetRate.
                 * @typedef {fieldchain.device.v1.SetRate.$Properties} fieldchain.device.v1.SetRate.$Shape
                 */

                /**
                 * Constructs a new SetRate.
                 * @memberof fieldchain.device.v1
                 * @classdesc Represents a SetRate.
                 * @constructor
                 * @param {fieldchain.device.v1.SetRate.$Properties=} [properties] Properties to set
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */
                const SetRate = function (properties) {
                    if (properties)
                        for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                /**
                 * SetRate readingsPerSecond.
                 * @member {number} readingsPerSecond
                 * @memberof fieldchain.device.v1.SetRate
                 * @instance
                 */
                SetRate.prototype.readingsPerSecond = 0;

                /**
                 * Creates a new SetRate instance using the specified properties.
                 * @function create
                 * @memberof fieldchain.device.v1.SetRate
                 * @static
                 * @param {fieldchain.device.v1.SetRate.$Properties=} [properties] Properties to set
                 * @returns {fieldchain.device.v1.SetRate} SetRate instance
                 * @type {{
                 *   (properties: fieldchain.device.v1.SetRate.$Shape): fieldchain.device.v1.SetRate & fieldchain.device.v1.SetRate.$Shape;
                 *   (properties?: fieldchain.device.v1.SetRate.$Properties): fieldchain.device.v1.SetRate;
                 * }}
                 */
                SetRate.create = function(properties) {
                    return new SetRate(properties);
                };

                /**
                 * Encodes the specified SetRate message. Does not implicitly {@link fieldchain.device.v1.SetRate.verify|verify} messages.
                 * @function encode
                 * @memberof fieldchain.device.v1.SetRate
                 * @static
                 * @param {fieldchain.device.v1.SetRate.$Properties} message SetRate message or plain object to encode
                 * @param {$protobuf.Writer} [writer] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                SetRate.encode = function (message, writer, _depth) {
                    if (!writer)
                        writer = $Writer.create();
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (message.readingsPerSecond != null && $Object.hasOwnProperty.call(message, "readingsPerSecond") && !$Object.is(message.readingsPerSecond, 0))
                        writer.uint32(/* id 1, wireType 1 =*/9).double(message.readingsPerSecond);
                    if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                        for (let i = 0; i < message.$unknowns.length; ++i)
                            writer.raw(message.$unknowns[i]);
                    return writer;
                };

                /**
                 * Decodes a SetRate message from the specified reader or buffer.
                 * @function decode
                 * @memberof fieldchain.device.v1.SetRate
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                 * @param {number} [length] Message length if known beforehand
                 * @returns {fieldchain.device.v1.SetRate & fieldchain.device.v1.SetRate.$Shape} SetRate
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                SetRate.decode = function (reader, length, _end, _depth, _target) {
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
                    message = _target || new $root.fieldchain.device.v1.SetRate();
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
                                if (!$Object.is(value = reader.double(), 0))
                                    message.readingsPerSecond = value;
                                else
                                    delete message.readingsPerSecond;
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
                 * Creates a SetRate message from a plain object. Also converts values to their respective internal types.
                 * @function fromObject
                 * @memberof fieldchain.device.v1.SetRate
                 * @static
                 * @param {Object.<string,*>} object Plain object
                 * @returns {fieldchain.device.v1.SetRate} SetRate
                 */
                SetRate.fromObject = function (object, _depth) {
                    if (object instanceof $root.fieldchain.device.v1.SetRate)
                        return object;
                    if (!$util.isObject(object))
                        throw $TypeError(".fieldchain.device.v1.SetRate: object expected");
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let message = new $root.fieldchain.device.v1.SetRate();
                    if (object.readingsPerSecond != null)
                        if (!$Object.is($Number(object.readingsPerSecond), 0))
                            message.readingsPerSecond = $Number(object.readingsPerSecond);
                    return message;
                };

                /**
                 * Creates a plain object from a SetRate message. Also converts values to other types if specified.
                 * @function toObject
                 * @memberof fieldchain.device.v1.SetRate
                 * @static
                 * @param {fieldchain.device.v1.SetRate} message SetRate
                 * @param {$protobuf.IConversionOptions} [options] Conversion options
                 * @returns {Object.<string,*>} Plain object
                 */
                SetRate.toObject = function (message, options, _depth) {
                    if (!options)
                        options = {};
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let object = {};
                    if (options.defaults)
                        object.readingsPerSecond = 0;
                    if (message.readingsPerSecond != null && $Object.hasOwnProperty.call(message, "readingsPerSecond"))
                        object.readingsPerSecond = options.json && !$isFinite(message.readingsPerSecond) ? $String(message.readingsPerSecond) : message.readingsPerSecond;
                    return object;
                };

                /**
                 * Converts this SetRate to JSON.
                 * @function toJSON
                 * @memberof fieldchain.device.v1.SetRate
                 * @instance
                 * @returns {Object.<string,*>} JSON object
                 */
                SetRate.prototype.toJSON = function() {
                    return SetRate.toObject(this, $protobuf.util.toJSONOptions);
                };

                /**
                 * Gets the type url for SetRate
                 * @function getTypeUrl
                 * @memberof fieldchain.device.v1.SetRate
                 * @static
                 * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
                 * @returns {string} The type url
                 */
                SetRate.getTypeUrl = function(prefix) {
                    if (prefix === $undefined)
                        prefix = "type.googleapis.com";
                    return prefix + "/fieldchain.device.v1.SetRate";
                };

                return SetRate;
            })();

            v1.GetStatus = (function() {

                /**
                 * Properties of a GetStatus.
                 * @typedef {Object} fieldchain.device.v1.GetStatus.$Properties
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */

                /**
                 * Properties of a GetStatus.
                 * @memberof fieldchain.device.v1
                 * @interface IGetStatus
                 * @augments fieldchain.device.v1.GetStatus.$Properties
                 * @deprecated Use fieldchain.device.v1.GetStatus.$Properties instead.
                 */

                /**
                 * Shape of a GetStatus.
                 * @typedef {fieldchain.device.v1.GetStatus.$Properties} fieldchain.device.v1.GetStatus.$Shape
                 */

                /**
                 * Constructs a new GetStatus.
                 * @memberof fieldchain.device.v1
                 * @classdesc Represents a GetStatus.
                 * @constructor
                 * @param {fieldchain.device.v1.GetStatus.$Properties=} [properties] Properties to set
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */
                const GetStatus = function (properties) {
                    if (properties)
                        for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                /**
                 * Creates a new GetStatus instance using the specified properties.
                 * @function create
                 * @memberof fieldchain.device.v1.GetStatus
                 * @static
                 * @param {fieldchain.device.v1.GetStatus.$Properties=} [properties] Properties to set
                 * @returns {fieldchain.device.v1.GetStatus} GetStatus instance
                 * @type {{
                 *   (properties: fieldchain.device.v1.GetStatus.$Shape): fieldchain.device.v1.GetStatus & fieldchain.device.v1.GetStatus.$Shape;
                 *   (properties?: fieldchain.device.v1.GetStatus.$Properties): fieldchain.device.v1.GetStatus;
                 * }}
                 */
                GetStatus.create = function(properties) {
                    return new GetStatus(properties);
                };

                /**
                 * Encodes the specified GetStatus message. Does not implicitly {@link fieldchain.device.v1.GetStatus.verify|verify} messages.
                 * @function encode
                 * @memberof fieldchain.device.v1.GetStatus
                 * @static
                 * @param {fieldchain.device.v1.GetStatus.$Properties} message GetStatus message or plain object to encode
                 * @param {$protobuf.Writer} [writer] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                GetStatus.encode = function (message, writer, _depth) {
                    if (!writer)
                        writer = $Writer.create();
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                        for (let i = 0; i < message.$unknowns.length; ++i)
                            writer.raw(message.$unknowns[i]);
                    return writer;
                };

                /**
                 * Decodes a GetStatus message from the specified reader or buffer.
                 * @function decode
                 * @memberof fieldchain.device.v1.GetStatus
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                 * @param {number} [length] Message length if known beforehand
                 * @returns {fieldchain.device.v1.GetStatus & fieldchain.device.v1.GetStatus.$Shape} GetStatus
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                GetStatus.decode = function (reader, length, _end, _depth, _target) {
                    if (!(reader instanceof $Reader))
                        reader = $Reader.create(reader);
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    let end, message;
                    if (length === $undefined)
                        end = reader.len;
                    else {
                        end = reader.pos + length;
                        if (end > reader.len)
                            throw $RangeError("index out of range");
                        length = reader.len;
                        reader.len = end;
                    }
                    message = _target || new $root.fieldchain.device.v1.GetStatus();
                    while (reader.pos < end) {
                        let start = reader.pos;
                        let tag = reader.tag();
                        if (tag === _end) {
                            _end = $undefined;
                            break;
                        }
                        reader.skipType(tag & 7, _depth, tag);
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
                 * Creates a GetStatus message from a plain object. Also converts values to their respective internal types.
                 * @function fromObject
                 * @memberof fieldchain.device.v1.GetStatus
                 * @static
                 * @param {Object.<string,*>} object Plain object
                 * @returns {fieldchain.device.v1.GetStatus} GetStatus
                 */
                GetStatus.fromObject = function (object, _depth) {
                    if (object instanceof $root.fieldchain.device.v1.GetStatus)
                        return object;
                    if (!$util.isObject(object))
                        throw $TypeError(".fieldchain.device.v1.GetStatus: object expected");
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    return new $root.fieldchain.device.v1.GetStatus();
                };

                /**
                 * Creates a plain object from a GetStatus message. Also converts values to other types if specified.
                 * @function toObject
                 * @memberof fieldchain.device.v1.GetStatus
                 * @static
                 * @param {fieldchain.device.v1.GetStatus} message GetStatus
                 * @param {$protobuf.IConversionOptions} [options] Conversion options
                 * @returns {Object.<string,*>} Plain object
                 */
                GetStatus.toObject = function () {
                    return {};
                };

                /**
                 * Converts this GetStatus to JSON.
                 * @function toJSON
                 * @memberof fieldchain.device.v1.GetStatus
                 * @instance
                 * @returns {Object.<string,*>} JSON object
                 */
                GetStatus.prototype.toJSON = function() {
                    return GetStatus.toObject(this, $protobuf.util.toJSONOptions);
                };

                /**
                 * Gets the type url for GetStatus
                 * @function getTypeUrl
                 * @memberof fieldchain.device.v1.GetStatus
                 * @static
                 * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
                 * @returns {string} The type url
                 */
                GetStatus.getTypeUrl = function(prefix) {
                    if (prefix === $undefined)
                        prefix = "type.googleapis.com";
                    return prefix + "/fieldchain.device.v1.GetStatus";
                };

                return GetStatus;
            })();

            v1.Reboot = (function() {

                /**
                 * Properties of a Reboot.
                 * @typedef {Object} fieldchain.device.v1.Reboot.$Properties
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */

                /**
                 * Properties of a Reboot.
                 * @memberof fieldchain.device.v1
                 * @interface IReboot
                 * @augments fieldchain.device.v1.Reboot.$Properties
                 * @deprecated Use fieldchain.device.v1.Reboot.$Properties instead.
                 */

                /**
                 * Shape of a Reboot.
                 * @typedef {fieldchain.device.v1.Reboot.$Properties} fieldchain.device.v1.Reboot.$Shape
                 */

                /**
                 * Constructs a new Reboot.
                 * @memberof fieldchain.device.v1
                 * @classdesc Represents a Reboot.
                 * @constructor
                 * @param {fieldchain.device.v1.Reboot.$Properties=} [properties] Properties to set
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */
                const Reboot = function (properties) {
                    if (properties)
                        for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                /**
                 * Creates a new Reboot instance using the specified properties.
                 * @function create
                 * @memberof fieldchain.device.v1.Reboot
                 * @static
                 * @param {fieldchain.device.v1.Reboot.$Properties=} [properties] Properties to set
                 * @returns {fieldchain.device.v1.Reboot} Reboot instance
                 * @type {{
                 *   (properties: fieldchain.device.v1.Reboot.$Shape): fieldchain.device.v1.Reboot & fieldchain.device.v1.Reboot.$Shape;
                 *   (properties?: fieldchain.device.v1.Reboot.$Properties): fieldchain.device.v1.Reboot;
                 * }}
                 */
                Reboot.create = function(properties) {
                    return new Reboot(properties);
                };

                /**
                 * Encodes the specified Reboot message. Does not implicitly {@link fieldchain.device.v1.Reboot.verify|verify} messages.
                 * @function encode
                 * @memberof fieldchain.device.v1.Reboot
                 * @static
                 * @param {fieldchain.device.v1.Reboot.$Properties} message Reboot message or plain object to encode
                 * @param {$protobuf.Writer} [writer] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                Reboot.encode = function (message, writer, _depth) {
                    if (!writer)
                        writer = $Writer.create();
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                        for (let i = 0; i < message.$unknowns.length; ++i)
                            writer.raw(message.$unknowns[i]);
                    return writer;
                };

                /**
                 * Decodes a Reboot message from the specified reader or buffer.
                 * @function decode
                 * @memberof fieldchain.device.v1.Reboot
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                 * @param {number} [length] Message length if known beforehand
                 * @returns {fieldchain.device.v1.Reboot & fieldchain.device.v1.Reboot.$Shape} Reboot
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                Reboot.decode = function (reader, length, _end, _depth, _target) {
                    if (!(reader instanceof $Reader))
                        reader = $Reader.create(reader);
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $Reader.recursionLimit)
                        throw $Error("max depth exceeded");
                    let end, message;
                    if (length === $undefined)
                        end = reader.len;
                    else {
                        end = reader.pos + length;
                        if (end > reader.len)
                            throw $RangeError("index out of range");
                        length = reader.len;
                        reader.len = end;
                    }
                    message = _target || new $root.fieldchain.device.v1.Reboot();
                    while (reader.pos < end) {
                        let start = reader.pos;
                        let tag = reader.tag();
                        if (tag === _end) {
                            _end = $undefined;
                            break;
                        }
                        reader.skipType(tag & 7, _depth, tag);
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
                 * Creates a Reboot message from a plain object. Also converts values to their respective internal types.
                 * @function fromObject
                 * @memberof fieldchain.device.v1.Reboot
                 * @static
                 * @param {Object.<string,*>} object Plain object
                 * @returns {fieldchain.device.v1.Reboot} Reboot
                 */
                Reboot.fromObject = function (object, _depth) {
                    if (object instanceof $root.fieldchain.device.v1.Reboot)
                        return object;
                    if (!$util.isObject(object))
                        throw $TypeError(".fieldchain.device.v1.Reboot: object expected");
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    return new $root.fieldchain.device.v1.Reboot();
                };

                /**
                 * Creates a plain object from a Reboot message. Also converts values to other types if specified.
                 * @function toObject
                 * @memberof fieldchain.device.v1.Reboot
                 * @static
                 * @param {fieldchain.device.v1.Reboot} message Reboot
                 * @param {$protobuf.IConversionOptions} [options] Conversion options
                 * @returns {Object.<string,*>} Plain object
                 */
                Reboot.toObject = function () {
                    return {};
                };

                /**
                 * Converts this Reboot to JSON.
                 * @function toJSON
                 * @memberof fieldchain.device.v1.Reboot
                 * @instance
                 * @returns {Object.<string,*>} JSON object
                 */
                Reboot.prototype.toJSON = function() {
                    return Reboot.toObject(this, $protobuf.util.toJSONOptions);
                };

                /**
                 * Gets the type url for Reboot
                 * @function getTypeUrl
                 * @memberof fieldchain.device.v1.Reboot
                 * @static
                 * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
                 * @returns {string} The type url
                 */
                Reboot.getTypeUrl = function(prefix) {
                    if (prefix === $undefined)
                        prefix = "type.googleapis.com";
                    return prefix + "/fieldchain.device.v1.Reboot";
                };

                return Reboot;
            })();

            v1.CommandResult = (function() {

                /**
                 * Properties of a CommandResult.
                 * @typedef {Object} fieldchain.device.v1.CommandResult.$Properties
                 * @property {number|null} [commandSeq] CommandResult commandSeq
                 * @property {fieldchain.device.v1.CommandResult.Status|null} [status] CommandResult status
                 * @property {string|null} [message] CommandResult message
                 * @property {fieldchain.device.v1.DeviceStatus.$Properties|null} [deviceStatus] CommandResult deviceStatus
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */

                /**
                 * Properties of a CommandResult.
                 * @memberof fieldchain.device.v1
                 * @interface ICommandResult
                 * @augments fieldchain.device.v1.CommandResult.$Properties
                 * @deprecated Use fieldchain.device.v1.CommandResult.$Properties instead.
                 */

                /**
                 * Shape of a CommandResult.
                 * @typedef {fieldchain.device.v1.CommandResult.$Properties} fieldchain.device.v1.CommandResult.$Shape
                 */

                /**
                 * Constructs a new CommandResult.
                 * @memberof fieldchain.device.v1
                 * @classdesc Represents a CommandResult.
                 * @constructor
                 * @param {fieldchain.device.v1.CommandResult.$Properties=} [properties] Properties to set
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */
                const CommandResult = function (properties) {
                    if (properties)
                        for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                /**
                 * CommandResult commandSeq.
                 * @member {number} commandSeq
                 * @memberof fieldchain.device.v1.CommandResult
                 * @instance
                 */
                CommandResult.prototype.commandSeq = 0;

                /**
                 * CommandResult status.
                 * @member {fieldchain.device.v1.CommandResult.Status} status
                 * @memberof fieldchain.device.v1.CommandResult
                 * @instance
                 */
                CommandResult.prototype.status = 0;

                /**
                 * CommandResult message.
                 * @member {string} message
                 * @memberof fieldchain.device.v1.CommandResult
                 * @instance
                 */
                CommandResult.prototype.message = "";

                /**
                 * CommandResult deviceStatus.
                 * @member {fieldchain.device.v1.DeviceStatus.$Properties|null|undefined} deviceStatus
                 * @memberof fieldchain.device.v1.CommandResult
                 * @instance
                 */
                CommandResult.prototype.deviceStatus = null;

                /**
                 * Creates a new CommandResult instance using the specified properties.
                 * @function create
                 * @memberof fieldchain.device.v1.CommandResult
                 * @static
                 * @param {fieldchain.device.v1.CommandResult.$Properties=} [properties] Properties to set
                 * @returns {fieldchain.device.v1.CommandResult} CommandResult instance
                 * @type {{
                 *   (properties: fieldchain.device.v1.CommandResult.$Shape): fieldchain.device.v1.CommandResult & fieldchain.device.v1.CommandResult.$Shape;
                 *   (properties?: fieldchain.device.v1.CommandResult.$Properties): fieldchain.device.v1.CommandResult;
                 * }}
                 */
                CommandResult.create = function(properties) {
                    return new CommandResult(properties);
                };

                /**
                 * Encodes the specified CommandResult message. Does not implicitly {@link fieldchain.device.v1.CommandResult.verify|verify} messages.
                 * @function encode
                 * @memberof fieldchain.device.v1.CommandResult
                 * @static
                 * @param {fieldchain.device.v1.CommandResult.$Properties} message CommandResult message or plain object to encode
                 * @param {$protobuf.Writer} [writer] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                CommandResult.encode = function (message, writer, _depth) {
                    if (!writer)
                        writer = $Writer.create();
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (message.commandSeq != null && $Object.hasOwnProperty.call(message, "commandSeq") && message.commandSeq !== 0)
                        writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.commandSeq);
                    if (message.status != null && $Object.hasOwnProperty.call(message, "status") && message.status !== 0)
                        writer.uint32(/* id 2, wireType 0 =*/16).int32(message.status);
                    if (message.message != null && $Object.hasOwnProperty.call(message, "message") && message.message !== "")
                        writer.uint32(/* id 3, wireType 2 =*/26).string(message.message);
                    if (message.deviceStatus != null && $Object.hasOwnProperty.call(message, "deviceStatus"))
                        $root.fieldchain.device.v1.DeviceStatus.encode(message.deviceStatus, writer.uint32(/* id 4, wireType 2 =*/34).fork(), _depth + 1).ldelim();
                    if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                        for (let i = 0; i < message.$unknowns.length; ++i)
                            writer.raw(message.$unknowns[i]);
                    return writer;
                };

                /**
                 * Decodes a CommandResult message from the specified reader or buffer.
                 * @function decode
                 * @memberof fieldchain.device.v1.CommandResult
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                 * @param {number} [length] Message length if known beforehand
                 * @returns {fieldchain.device.v1.CommandResult & fieldchain.device.v1.CommandResult.$Shape} CommandResult
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                CommandResult.decode = function (reader, length, _end, _depth, _target) {
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
                    message = _target || new $root.fieldchain.device.v1.CommandResult();
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
                                if (wireType !== 0)
                                    break;
                                if (value = reader.uint32())
                                    message.commandSeq = value;
                                else
                                    delete message.commandSeq;
                                continue;
                            }
                        case 2: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.int32())
                                    message.status = value;
                                else
                                    delete message.status;
                                continue;
                            }
                        case 3: {
                                if (wireType !== 2)
                                    break;
                                if ((value = reader.stringVerify()).length)
                                    message.message = value;
                                else
                                    delete message.message;
                                continue;
                            }
                        case 4: {
                                if (wireType !== 2)
                                    break;
                                message.deviceStatus = $root.fieldchain.device.v1.DeviceStatus.decode(reader, reader.size(), $undefined, _depth + 1, message.deviceStatus);
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
                 * Creates a CommandResult message from a plain object. Also converts values to their respective internal types.
                 * @function fromObject
                 * @memberof fieldchain.device.v1.CommandResult
                 * @static
                 * @param {Object.<string,*>} object Plain object
                 * @returns {fieldchain.device.v1.CommandResult} CommandResult
                 */
                CommandResult.fromObject = function (object, _depth) {
                    if (object instanceof $root.fieldchain.device.v1.CommandResult)
                        return object;
                    if (!$util.isObject(object))
                        throw $TypeError(".fieldchain.device.v1.CommandResult: object expected");
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let message = new $root.fieldchain.device.v1.CommandResult();
                    if (object.commandSeq != null)
                        if ($Number(object.commandSeq) !== 0)
                            message.commandSeq = object.commandSeq >>> 0;
                    if (object.status !== 0 && (typeof object.status !== "string" || $root.fieldchain.device.v1.CommandResult.Status[object.status] !== 0))
                        switch (object.status) {
                        case "STATUS_UNSPECIFIED":
                        case 0:
                            message.status = 0;
                            break;
                        case "STATUS_OK":
                        case 1:
                            message.status = 1;
                            break;
                        case "STATUS_UNSUPPORTED":
                        case 2:
                            message.status = 2;
                            break;
                        case "STATUS_INVALID_ARGUMENT":
                        case 3:
                            message.status = 3;
                            break;
                        case "STATUS_BUSY":
                        case 4:
                            message.status = 4;
                            break;
                        case "STATUS_FAILED":
                        case 5:
                            message.status = 5;
                            break;
                        default:
                            if (typeof object.status === "number" && (object.status | 0) === object.status)
                                message.status = object.status;
                        }
                    if (object.message != null)
                        if (typeof object.message !== "string" || object.message.length)
                            message.message = $String(object.message);
                    if (object.deviceStatus != null) {
                        if (!$util.isObject(object.deviceStatus))
                            throw $TypeError(".fieldchain.device.v1.CommandResult.deviceStatus: object expected");
                        message.deviceStatus = $root.fieldchain.device.v1.DeviceStatus.fromObject(object.deviceStatus, _depth + 1);
                    }
                    return message;
                };

                /**
                 * Creates a plain object from a CommandResult message. Also converts values to other types if specified.
                 * @function toObject
                 * @memberof fieldchain.device.v1.CommandResult
                 * @static
                 * @param {fieldchain.device.v1.CommandResult} message CommandResult
                 * @param {$protobuf.IConversionOptions} [options] Conversion options
                 * @returns {Object.<string,*>} Plain object
                 */
                CommandResult.toObject = function (message, options, _depth) {
                    if (!options)
                        options = {};
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let object = {};
                    if (options.defaults) {
                        object.commandSeq = 0;
                        object.status = options.enums === $String ? "STATUS_UNSPECIFIED" : 0;
                        object.message = "";
                        object.deviceStatus = null;
                    }
                    if (message.commandSeq != null && $Object.hasOwnProperty.call(message, "commandSeq"))
                        object.commandSeq = message.commandSeq;
                    if (message.status != null && $Object.hasOwnProperty.call(message, "status"))
                        object.status = options.enums === $String ? $root.fieldchain.device.v1.CommandResult.Status[message.status] === $undefined ? message.status : $root.fieldchain.device.v1.CommandResult.Status[message.status] : message.status;
                    if (message.message != null && $Object.hasOwnProperty.call(message, "message"))
                        object.message = message.message;
                    if (message.deviceStatus != null && $Object.hasOwnProperty.call(message, "deviceStatus"))
                        object.deviceStatus = $root.fieldchain.device.v1.DeviceStatus.toObject(message.deviceStatus, options, _depth + 1);
                    return object;
                };

                /**
                 * Converts this CommandResult to JSON.
                 * @function toJSON
                 * @memberof fieldchain.device.v1.CommandResult
                 * @instance
                 * @returns {Object.<string,*>} JSON object
                 */
                CommandResult.prototype.toJSON = function() {
                    return CommandResult.toObject(this, $protobuf.util.toJSONOptions);
                };

                /**
                 * Gets the type url for CommandResult
                 * @function getTypeUrl
                 * @memberof fieldchain.device.v1.CommandResult
                 * @static
                 * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
                 * @returns {string} The type url
                 */
                CommandResult.getTypeUrl = function(prefix) {
                    if (prefix === $undefined)
                        prefix = "type.googleapis.com";
                    return prefix + "/fieldchain.device.v1.CommandResult";
                };

                /**
                 * Status enum.
                 * @name fieldchain.device.v1.CommandResult.Status
                 * @enum {number}
                 * @property {number} STATUS_UNSPECIFIED=0 STATUS_UNSPECIFIED value
                 * @property {number} STATUS_OK=1 STATUS_OK value
                 * @property {number} STATUS_UNSUPPORTED=2 STATUS_UNSUPPORTED value
                 * @property {number} STATUS_INVALID_ARGUMENT=3 STATUS_INVALID_ARGUMENT value
                 * @property {number} STATUS_BUSY=4 STATUS_BUSY value
                 * @property {number} STATUS_FAILED=5 STATUS_FAILED value
                 */
                CommandResult.Status = (function() {
                    const valuesById = $Object.create(null), values = $Object.create(valuesById);
                    values[valuesById[0] = "STATUS_UNSPECIFIED"] = 0;
                    values[valuesById[1] = "STATUS_OK"] = 1;
                    values[valuesById[2] = "STATUS_UNSUPPORTED"] = 2;
                    values[valuesById[3] = "STATUS_INVALID_ARGUMENT"] = 3;
                    values[valuesById[4] = "STATUS_BUSY"] = 4;
                    values[valuesById[5] = "STATUS_FAILED"] = 5;
                    return values;
                })();

                return CommandResult;
            })();

            v1.DeviceStatus = (function() {

                /**
                 * Properties of a DeviceStatus.
                 * @typedef {Object} fieldchain.device.v1.DeviceStatus.$Properties
                 * @property {boolean|null} [streaming] DeviceStatus streaming
                 * @property {number|null} [readingsPerSecond] DeviceStatus readingsPerSecond
                 * @property {number|null} [unackedReadings] DeviceStatus unackedReadings
                 * @property {number|null} [nextReadingSeq] DeviceStatus nextReadingSeq
                 * @property {number|null} [uptimeMs] DeviceStatus uptimeMs
                 * @property {number|null} [batteryPercent] DeviceStatus batteryPercent
                 * @property {number|null} [framesBadCrc] DeviceStatus framesBadCrc
                 * @property {number|null} [framesUndecodable] DeviceStatus framesUndecodable
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */

                /**
                 * Properties of a DeviceStatus.
                 * @memberof fieldchain.device.v1
                 * @interface IDeviceStatus
                 * @augments fieldchain.device.v1.DeviceStatus.$Properties
                 * @deprecated Use fieldchain.device.v1.DeviceStatus.$Properties instead.
                 */

                /**
                 * Shape of a DeviceStatus.
                 * @typedef {fieldchain.device.v1.DeviceStatus.$Properties} fieldchain.device.v1.DeviceStatus.$Shape
                 */

                /**
                 * Constructs a new DeviceStatus.
                 * @memberof fieldchain.device.v1
                 * @classdesc Represents a DeviceStatus.
                 * @constructor
                 * @param {fieldchain.device.v1.DeviceStatus.$Properties=} [properties] Properties to set
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */
                const DeviceStatus = function (properties) {
                    if (properties)
                        for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                /**
                 * DeviceStatus streaming.
                 * @member {boolean} streaming
                 * @memberof fieldchain.device.v1.DeviceStatus
                 * @instance
                 */
                DeviceStatus.prototype.streaming = false;

                /**
                 * DeviceStatus readingsPerSecond.
                 * @member {number} readingsPerSecond
                 * @memberof fieldchain.device.v1.DeviceStatus
                 * @instance
                 */
                DeviceStatus.prototype.readingsPerSecond = 0;

                /**
                 * DeviceStatus unackedReadings.
                 * @member {number} unackedReadings
                 * @memberof fieldchain.device.v1.DeviceStatus
                 * @instance
                 */
                DeviceStatus.prototype.unackedReadings = 0;

                /**
                 * DeviceStatus nextReadingSeq.
                 * @member {number} nextReadingSeq
                 * @memberof fieldchain.device.v1.DeviceStatus
                 * @instance
                 */
                DeviceStatus.prototype.nextReadingSeq = 0;

                /**
                 * DeviceStatus uptimeMs.
                 * @member {number} uptimeMs
                 * @memberof fieldchain.device.v1.DeviceStatus
                 * @instance
                 */
                DeviceStatus.prototype.uptimeMs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

                /**
                 * DeviceStatus batteryPercent.
                 * @member {number} batteryPercent
                 * @memberof fieldchain.device.v1.DeviceStatus
                 * @instance
                 */
                DeviceStatus.prototype.batteryPercent = 0;

                /**
                 * DeviceStatus framesBadCrc.
                 * @member {number} framesBadCrc
                 * @memberof fieldchain.device.v1.DeviceStatus
                 * @instance
                 */
                DeviceStatus.prototype.framesBadCrc = 0;

                /**
                 * DeviceStatus framesUndecodable.
                 * @member {number} framesUndecodable
                 * @memberof fieldchain.device.v1.DeviceStatus
                 * @instance
                 */
                DeviceStatus.prototype.framesUndecodable = 0;

                /**
                 * Creates a new DeviceStatus instance using the specified properties.
                 * @function create
                 * @memberof fieldchain.device.v1.DeviceStatus
                 * @static
                 * @param {fieldchain.device.v1.DeviceStatus.$Properties=} [properties] Properties to set
                 * @returns {fieldchain.device.v1.DeviceStatus} DeviceStatus instance
                 * @type {{
                 *   (properties: fieldchain.device.v1.DeviceStatus.$Shape): fieldchain.device.v1.DeviceStatus & fieldchain.device.v1.DeviceStatus.$Shape;
                 *   (properties?: fieldchain.device.v1.DeviceStatus.$Properties): fieldchain.device.v1.DeviceStatus;
                 * }}
                 */
                DeviceStatus.create = function(properties) {
                    return new DeviceStatus(properties);
                };

                /**
                 * Encodes the specified DeviceStatus message. Does not implicitly {@link fieldchain.device.v1.DeviceStatus.verify|verify} messages.
                 * @function encode
                 * @memberof fieldchain.device.v1.DeviceStatus
                 * @static
                 * @param {fieldchain.device.v1.DeviceStatus.$Properties} message DeviceStatus message or plain object to encode
                 * @param {$protobuf.Writer} [writer] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                DeviceStatus.encode = function (message, writer, _depth) {
                    if (!writer)
                        writer = $Writer.create();
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (message.streaming != null && $Object.hasOwnProperty.call(message, "streaming") && message.streaming !== false)
                        writer.uint32(/* id 1, wireType 0 =*/8).bool(message.streaming);
                    if (message.readingsPerSecond != null && $Object.hasOwnProperty.call(message, "readingsPerSecond") && !$Object.is(message.readingsPerSecond, 0))
                        writer.uint32(/* id 2, wireType 1 =*/17).double(message.readingsPerSecond);
                    if (message.unackedReadings != null && $Object.hasOwnProperty.call(message, "unackedReadings") && message.unackedReadings !== 0)
                        writer.uint32(/* id 3, wireType 0 =*/24).uint32(message.unackedReadings);
                    if (message.nextReadingSeq != null && $Object.hasOwnProperty.call(message, "nextReadingSeq") && message.nextReadingSeq !== 0)
                        writer.uint32(/* id 4, wireType 0 =*/32).uint32(message.nextReadingSeq);
                    if (message.uptimeMs != null && $Object.hasOwnProperty.call(message, "uptimeMs") && (typeof message.uptimeMs === "object" ? message.uptimeMs.low || message.uptimeMs.high : message.uptimeMs !== 0))
                        writer.uint32(/* id 5, wireType 0 =*/40).uint64(message.uptimeMs);
                    if (message.batteryPercent != null && $Object.hasOwnProperty.call(message, "batteryPercent") && message.batteryPercent !== 0)
                        writer.uint32(/* id 6, wireType 0 =*/48).uint32(message.batteryPercent);
                    if (message.framesBadCrc != null && $Object.hasOwnProperty.call(message, "framesBadCrc") && message.framesBadCrc !== 0)
                        writer.uint32(/* id 7, wireType 0 =*/56).uint32(message.framesBadCrc);
                    if (message.framesUndecodable != null && $Object.hasOwnProperty.call(message, "framesUndecodable") && message.framesUndecodable !== 0)
                        writer.uint32(/* id 8, wireType 0 =*/64).uint32(message.framesUndecodable);
                    if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                        for (let i = 0; i < message.$unknowns.length; ++i)
                            writer.raw(message.$unknowns[i]);
                    return writer;
                };

                /**
                 * Decodes a DeviceStatus message from the specified reader or buffer.
                 * @function decode
                 * @memberof fieldchain.device.v1.DeviceStatus
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                 * @param {number} [length] Message length if known beforehand
                 * @returns {fieldchain.device.v1.DeviceStatus & fieldchain.device.v1.DeviceStatus.$Shape} DeviceStatus
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                DeviceStatus.decode = function (reader, length, _end, _depth, _target) {
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
                    message = _target || new $root.fieldchain.device.v1.DeviceStatus();
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
                                if (wireType !== 0)
                                    break;
                                if (value = reader.bool())
                                    message.streaming = value;
                                else
                                    delete message.streaming;
                                continue;
                            }
                        case 2: {
                                if (wireType !== 1)
                                    break;
                                if (!$Object.is(value = reader.double(), 0))
                                    message.readingsPerSecond = value;
                                else
                                    delete message.readingsPerSecond;
                                continue;
                            }
                        case 3: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.uint32())
                                    message.unackedReadings = value;
                                else
                                    delete message.unackedReadings;
                                continue;
                            }
                        case 4: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.uint32())
                                    message.nextReadingSeq = value;
                                else
                                    delete message.nextReadingSeq;
                                continue;
                            }
                        case 5: {
                                if (wireType !== 0)
                                    break;
                                if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                    message.uptimeMs = value;
                                else
                                    delete message.uptimeMs;
                                continue;
                            }
                        case 6: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.uint32())
                                    message.batteryPercent = value;
                                else
                                    delete message.batteryPercent;
                                continue;
                            }
                        case 7: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.uint32())
                                    message.framesBadCrc = value;
                                else
                                    delete message.framesBadCrc;
                                continue;
                            }
                        case 8: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.uint32())
                                    message.framesUndecodable = value;
                                else
                                    delete message.framesUndecodable;
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
                 * Creates a DeviceStatus message from a plain object. Also converts values to their respective internal types.
                 * @function fromObject
                 * @memberof fieldchain.device.v1.DeviceStatus
                 * @static
                 * @param {Object.<string,*>} object Plain object
                 * @returns {fieldchain.device.v1.DeviceStatus} DeviceStatus
                 */
                DeviceStatus.fromObject = function (object, _depth) {
                    if (object instanceof $root.fieldchain.device.v1.DeviceStatus)
                        return object;
                    if (!$util.isObject(object))
                        throw $TypeError(".fieldchain.device.v1.DeviceStatus: object expected");
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let message = new $root.fieldchain.device.v1.DeviceStatus();
                    if (object.streaming != null)
                        if (object.streaming)
                            message.streaming = $Boolean(object.streaming);
                    if (object.readingsPerSecond != null)
                        if (!$Object.is($Number(object.readingsPerSecond), 0))
                            message.readingsPerSecond = $Number(object.readingsPerSecond);
                    if (object.unackedReadings != null)
                        if ($Number(object.unackedReadings) !== 0)
                            message.unackedReadings = object.unackedReadings >>> 0;
                    if (object.nextReadingSeq != null)
                        if ($Number(object.nextReadingSeq) !== 0)
                            message.nextReadingSeq = object.nextReadingSeq >>> 0;
                    if (object.uptimeMs != null)
                        if (typeof object.uptimeMs === "object" ? object.uptimeMs.low || object.uptimeMs.high : $Number(object.uptimeMs) !== 0)
                            if ($util.Long)
                                message.uptimeMs = $util.Long.fromValue(object.uptimeMs, true);
                            else if (typeof object.uptimeMs === "string")
                                message.uptimeMs = $parseInt(object.uptimeMs, 10);
                            else if (typeof object.uptimeMs === "number")
                                message.uptimeMs = object.uptimeMs;
                            else if (typeof object.uptimeMs === "object")
                                message.uptimeMs = new $util.LongBits(object.uptimeMs.low >>> 0, object.uptimeMs.high >>> 0).toNumber(true);
                    if (object.batteryPercent != null)
                        if ($Number(object.batteryPercent) !== 0)
                            message.batteryPercent = object.batteryPercent >>> 0;
                    if (object.framesBadCrc != null)
                        if ($Number(object.framesBadCrc) !== 0)
                            message.framesBadCrc = object.framesBadCrc >>> 0;
                    if (object.framesUndecodable != null)
                        if ($Number(object.framesUndecodable) !== 0)
                            message.framesUndecodable = object.framesUndecodable >>> 0;
                    return message;
                };

                /**
                 * Creates a plain object from a DeviceStatus message. Also converts values to other types if specified.
                 * @function toObject
                 * @memberof fieldchain.device.v1.DeviceStatus
                 * @static
                 * @param {fieldchain.device.v1.DeviceStatus} message DeviceStatus
                 * @param {$protobuf.IConversionOptions} [options] Conversion options
                 * @returns {Object.<string,*>} Plain object
                 */
                DeviceStatus.toObject = function (message, options, _depth) {
                    if (!options)
                        options = {};
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let object = {};
                    if (options.defaults) {
                        object.streaming = false;
                        object.readingsPerSecond = 0;
                        object.unackedReadings = 0;
                        object.nextReadingSeq = 0;
                        if ($util.Long) {
                            let long = new $util.Long(0, 0, true);
                            object.uptimeMs = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                        } else
                            object.uptimeMs = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                        object.batteryPercent = 0;
                        object.framesBadCrc = 0;
                        object.framesUndecodable = 0;
                    }
                    if (message.streaming != null && $Object.hasOwnProperty.call(message, "streaming"))
                        object.streaming = message.streaming;
                    if (message.readingsPerSecond != null && $Object.hasOwnProperty.call(message, "readingsPerSecond"))
                        object.readingsPerSecond = options.json && !$isFinite(message.readingsPerSecond) ? $String(message.readingsPerSecond) : message.readingsPerSecond;
                    if (message.unackedReadings != null && $Object.hasOwnProperty.call(message, "unackedReadings"))
                        object.unackedReadings = message.unackedReadings;
                    if (message.nextReadingSeq != null && $Object.hasOwnProperty.call(message, "nextReadingSeq"))
                        object.nextReadingSeq = message.nextReadingSeq;
                    if (message.uptimeMs != null && $Object.hasOwnProperty.call(message, "uptimeMs"))
                        if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                            object.uptimeMs = typeof message.uptimeMs === "number" ? $BigInt(message.uptimeMs) : $util.Long.fromBits(message.uptimeMs.low >>> 0, message.uptimeMs.high >>> 0, true).toBigInt();
                        else if (typeof message.uptimeMs === "number")
                            object.uptimeMs = options.longs === $String ? $String(message.uptimeMs) : message.uptimeMs;
                        else
                            object.uptimeMs = options.longs === $String ? $util.Long.prototype.toString.call(message.uptimeMs) : options.longs === $Number ? new $util.LongBits(message.uptimeMs.low >>> 0, message.uptimeMs.high >>> 0).toNumber(true) : message.uptimeMs;
                    if (message.batteryPercent != null && $Object.hasOwnProperty.call(message, "batteryPercent"))
                        object.batteryPercent = message.batteryPercent;
                    if (message.framesBadCrc != null && $Object.hasOwnProperty.call(message, "framesBadCrc"))
                        object.framesBadCrc = message.framesBadCrc;
                    if (message.framesUndecodable != null && $Object.hasOwnProperty.call(message, "framesUndecodable"))
                        object.framesUndecodable = message.framesUndecodable;
                    return object;
                };

                /**
                 * Converts this DeviceStatus to JSON.
                 * @function toJSON
                 * @memberof fieldchain.device.v1.DeviceStatus
                 * @instance
                 * @returns {Object.<string,*>} JSON object
                 */
                DeviceStatus.prototype.toJSON = function() {
                    return DeviceStatus.toObject(this, $protobuf.util.toJSONOptions);
                };

                /**
                 * Gets the type url for DeviceStatus
                 * @function getTypeUrl
                 * @memberof fieldchain.device.v1.DeviceStatus
                 * @static
                 * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
                 * @returns {string} The type url
                 */
                DeviceStatus.getTypeUrl = function(prefix) {
                    if (prefix === $undefined)
                        prefix = "type.googleapis.com";
                    return prefix + "/fieldchain.device.v1.DeviceStatus";
                };

                return DeviceStatus;
            })();

            v1.Event = (function() {

                /**
                 * Properties of an Event.
                 * @typedef {Object} fieldchain.device.v1.Event.$Properties
                 * @property {fieldchain.device.v1.Event.Kind|null} [kind] Event kind
                 * @property {number|null} [deviceTimeUs] Event deviceTimeUs
                 * @property {string|null} [detail] Event detail
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */

                /**
                 * Properties of an Event.
                 * @memberof fieldchain.device.v1
                 * @interface IEvent
                 * @augments fieldchain.device.v1.Event.$Properties
                 * @deprecated Use fieldchain.device.v1.Event.$Properties instead.
                 */

                /**
                 * Shape of an Event.
                 * @typedef {fieldchain.device.v1.Event.$Properties} fieldchain.device.v1.Event.$Shape
                 */

                /**
                 * Constructs a new Event.
                 * @memberof fieldchain.device.v1
                 * @classdesc Represents an Event.
                 * @constructor
                 * @param {fieldchain.device.v1.Event.$Properties=} [properties] Properties to set
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */
                const Event = function (properties) {
                    if (properties)
                        for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                /**
                 * Event kind.
                 * @member {fieldchain.device.v1.Event.Kind} kind
                 * @memberof fieldchain.device.v1.Event
                 * @instance
                 */
                Event.prototype.kind = 0;

                /**
                 * Event deviceTimeUs.
                 * @member {number} deviceTimeUs
                 * @memberof fieldchain.device.v1.Event
                 * @instance
                 */
                Event.prototype.deviceTimeUs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

                /**
                 * Event detail.
                 * @member {string} detail
                 * @memberof fieldchain.device.v1.Event
                 * @instance
                 */
                Event.prototype.detail = "";

                /**
                 * Creates a new Event instance using the specified properties.
                 * @function create
                 * @memberof fieldchain.device.v1.Event
                 * @static
                 * @param {fieldchain.device.v1.Event.$Properties=} [properties] Properties to set
                 * @returns {fieldchain.device.v1.Event} Event instance
                 * @type {{
                 *   (properties: fieldchain.device.v1.Event.$Shape): fieldchain.device.v1.Event & fieldchain.device.v1.Event.$Shape;
                 *   (properties?: fieldchain.device.v1.Event.$Properties): fieldchain.device.v1.Event;
                 * }}
                 */
                Event.create = function(properties) {
                    return new Event(properties);
                };

                /**
                 * Encodes the specified Event message. Does not implicitly {@link fieldchain.device.v1.Event.verify|verify} messages.
                 * @function encode
                 * @memberof fieldchain.device.v1.Event
                 * @static
                 * @param {fieldchain.device.v1.Event.$Properties} message Event message or plain object to encode
                 * @param {$protobuf.Writer} [writer] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                Event.encode = function (message, writer, _depth) {
                    if (!writer)
                        writer = $Writer.create();
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (message.kind != null && $Object.hasOwnProperty.call(message, "kind") && message.kind !== 0)
                        writer.uint32(/* id 1, wireType 0 =*/8).int32(message.kind);
                    if (message.deviceTimeUs != null && $Object.hasOwnProperty.call(message, "deviceTimeUs") && (typeof message.deviceTimeUs === "object" ? message.deviceTimeUs.low || message.deviceTimeUs.high : message.deviceTimeUs !== 0))
                        writer.uint32(/* id 2, wireType 0 =*/16).uint64(message.deviceTimeUs);
                    if (message.detail != null && $Object.hasOwnProperty.call(message, "detail") && message.detail !== "")
                        writer.uint32(/* id 3, wireType 2 =*/26).string(message.detail);
                    if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                        for (let i = 0; i < message.$unknowns.length; ++i)
                            writer.raw(message.$unknowns[i]);
                    return writer;
                };

                /**
                 * Decodes an Event message from the specified reader or buffer.
                 * @function decode
                 * @memberof fieldchain.device.v1.Event
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                 * @param {number} [length] Message length if known beforehand
                 * @returns {fieldchain.device.v1.Event & fieldchain.device.v1.Event.$Shape} Event
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                Event.decode = function (reader, length, _end, _depth, _target) {
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
                    message = _target || new $root.fieldchain.device.v1.Event();
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
                                if (wireType !== 0)
                                    break;
                                if (value = reader.int32())
                                    message.kind = value;
                                else
                                    delete message.kind;
                                continue;
                            }
                        case 2: {
                                if (wireType !== 0)
                                    break;
                                if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                    message.deviceTimeUs = value;
                                else
                                    delete message.deviceTimeUs;
                                continue;
                            }
                        case 3: {
                                if (wireType !== 2)
                                    break;
                                if ((value = reader.stringVerify()).length)
                                    message.detail = value;
                                else
                                    delete message.detail;
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
                 * Creates an Event message from a plain object. Also converts values to their respective internal types.
                 * @function fromObject
                 * @memberof fieldchain.device.v1.Event
                 * @static
                 * @param {Object.<string,*>} object Plain object
                 * @returns {fieldchain.device.v1.Event} Event
                 */
                Event.fromObject = function (object, _depth) {
                    if (object instanceof $root.fieldchain.device.v1.Event)
                        return object;
                    if (!$util.isObject(object))
                        throw $TypeError(".fieldchain.device.v1.Event: object expected");
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let message = new $root.fieldchain.device.v1.Event();
                    if (object.kind !== 0 && (typeof object.kind !== "string" || $root.fieldchain.device.v1.Event.Kind[object.kind] !== 0))
                        switch (object.kind) {
                        case "KIND_UNSPECIFIED":
                        case 0:
                            message.kind = 0;
                            break;
                        case "KIND_BOOT":
                        case 1:
                            message.kind = 1;
                            break;
                        case "KIND_BUTTON":
                        case 2:
                            message.kind = 2;
                            break;
                        case "KIND_PROBE_ATTACHED":
                        case 3:
                            message.kind = 3;
                            break;
                        case "KIND_PROBE_DETACHED":
                        case 4:
                            message.kind = 4;
                            break;
                        case "KIND_OVERLOAD":
                        case 5:
                            message.kind = 5;
                            break;
                        case "KIND_LOW_BATTERY":
                        case 6:
                            message.kind = 6;
                            break;
                        case "KIND_BUFFER_FULL":
                        case 7:
                            message.kind = 7;
                            break;
                        default:
                            if (typeof object.kind === "number" && (object.kind | 0) === object.kind)
                                message.kind = object.kind;
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
                    if (object.detail != null)
                        if (typeof object.detail !== "string" || object.detail.length)
                            message.detail = $String(object.detail);
                    return message;
                };

                /**
                 * Creates a plain object from an Event message. Also converts values to other types if specified.
                 * @function toObject
                 * @memberof fieldchain.device.v1.Event
                 * @static
                 * @param {fieldchain.device.v1.Event} message Event
                 * @param {$protobuf.IConversionOptions} [options] Conversion options
                 * @returns {Object.<string,*>} Plain object
                 */
                Event.toObject = function (message, options, _depth) {
                    if (!options)
                        options = {};
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let object = {};
                    if (options.defaults) {
                        object.kind = options.enums === $String ? "KIND_UNSPECIFIED" : 0;
                        if ($util.Long) {
                            let long = new $util.Long(0, 0, true);
                            object.deviceTimeUs = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                        } else
                            object.deviceTimeUs = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                        object.detail = "";
                    }
                    if (message.kind != null && $Object.hasOwnProperty.call(message, "kind"))
                        object.kind = options.enums === $String ? $root.fieldchain.device.v1.Event.Kind[message.kind] === $undefined ? message.kind : $root.fieldchain.device.v1.Event.Kind[message.kind] : message.kind;
                    if (message.deviceTimeUs != null && $Object.hasOwnProperty.call(message, "deviceTimeUs"))
                        if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                            object.deviceTimeUs = typeof message.deviceTimeUs === "number" ? $BigInt(message.deviceTimeUs) : $util.Long.fromBits(message.deviceTimeUs.low >>> 0, message.deviceTimeUs.high >>> 0, true).toBigInt();
                        else if (typeof message.deviceTimeUs === "number")
                            object.deviceTimeUs = options.longs === $String ? $String(message.deviceTimeUs) : message.deviceTimeUs;
                        else
                            object.deviceTimeUs = options.longs === $String ? $util.Long.prototype.toString.call(message.deviceTimeUs) : options.longs === $Number ? new $util.LongBits(message.deviceTimeUs.low >>> 0, message.deviceTimeUs.high >>> 0).toNumber(true) : message.deviceTimeUs;
                    if (message.detail != null && $Object.hasOwnProperty.call(message, "detail"))
                        object.detail = message.detail;
                    return object;
                };

                /**
                 * Converts this Event to JSON.
                 * @function toJSON
                 * @memberof fieldchain.device.v1.Event
                 * @instance
                 * @returns {Object.<string,*>} JSON object
                 */
                Event.prototype.toJSON = function() {
                    return Event.toObject(this, $protobuf.util.toJSONOptions);
                };

                /**
                 * Gets the type url for Event
                 * @function getTypeUrl
                 * @memberof fieldchain.device.v1.Event
                 * @static
                 * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
                 * @returns {string} The type url
                 */
                Event.getTypeUrl = function(prefix) {
                    if (prefix === $undefined)
                        prefix = "type.googleapis.com";
                    return prefix + "/fieldchain.device.v1.Event";
                };

                /**
                 * Kind enum.
                 * @name fieldchain.device.v1.Event.Kind
                 * @enum {number}
                 * @property {number} KIND_UNSPECIFIED=0 KIND_UNSPECIFIED value
                 * @property {number} KIND_BOOT=1 KIND_BOOT value
                 * @property {number} KIND_BUTTON=2 KIND_BUTTON value
                 * @property {number} KIND_PROBE_ATTACHED=3 KIND_PROBE_ATTACHED value
                 * @property {number} KIND_PROBE_DETACHED=4 KIND_PROBE_DETACHED value
                 * @property {number} KIND_OVERLOAD=5 KIND_OVERLOAD value
                 * @property {number} KIND_LOW_BATTERY=6 KIND_LOW_BATTERY value
                 * @property {number} KIND_BUFFER_FULL=7 KIND_BUFFER_FULL value
                 */
                Event.Kind = (function() {
                    const valuesById = $Object.create(null), values = $Object.create(valuesById);
                    values[valuesById[0] = "KIND_UNSPECIFIED"] = 0;
                    values[valuesById[1] = "KIND_BOOT"] = 1;
                    values[valuesById[2] = "KIND_BUTTON"] = 2;
                    values[valuesById[3] = "KIND_PROBE_ATTACHED"] = 3;
                    values[valuesById[4] = "KIND_PROBE_DETACHED"] = 4;
                    values[valuesById[5] = "KIND_OVERLOAD"] = 5;
                    values[valuesById[6] = "KIND_LOW_BATTERY"] = 6;
                    values[valuesById[7] = "KIND_BUFFER_FULL"] = 7;
                    return values;
                })();

                return Event;
            })();

            v1.Heartbeat = (function() {

                /**
                 * Properties of a Heartbeat.
                 * @typedef {Object} fieldchain.device.v1.Heartbeat.$Properties
                 * @property {number|null} [deviceTimeUs] Heartbeat deviceTimeUs
                 * @property {number|null} [unackedReadings] Heartbeat unackedReadings
                 * @property {number|null} [batteryPercent] Heartbeat batteryPercent
                 * @property {number|null} [uptimeMs] Heartbeat uptimeMs
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */

                /**
                 * Properties of a Heartbeat.
                 * @memberof fieldchain.device.v1
                 * @interface IHeartbeat
                 * @augments fieldchain.device.v1.Heartbeat.$Properties
                 * @deprecated Use fieldchain.device.v1.Heartbeat.$Properties instead.
                 */

                /**
                 * Shape of a Heartbeat.
                 * @typedef {fieldchain.device.v1.Heartbeat.$Properties} fieldchain.device.v1.Heartbeat.$Shape
                 */

                /**
                 * Constructs a new Heartbeat.
                 * @memberof fieldchain.device.v1
                 * @classdesc Represents a Heartbeat.
                 * @constructor
                 * @param {fieldchain.device.v1.Heartbeat.$Properties=} [properties] Properties to set
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */
                const Heartbeat = function (properties) {
                    if (properties)
                        for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                /**
                 * Heartbeat deviceTimeUs.
                 * @member {number} deviceTimeUs
                 * @memberof fieldchain.device.v1.Heartbeat
                 * @instance
                 */
                Heartbeat.prototype.deviceTimeUs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

                /**
                 * Heartbeat unackedReadings.
                 * @member {number} unackedReadings
                 * @memberof fieldchain.device.v1.Heartbeat
                 * @instance
                 */
                Heartbeat.prototype.unackedReadings = 0;

                /**
                 * Heartbeat batteryPercent.
                 * @member {number} batteryPercent
                 * @memberof fieldchain.device.v1.Heartbeat
                 * @instance
                 */
                Heartbeat.prototype.batteryPercent = 0;

                /**
                 * Heartbeat uptimeMs.
                 * @member {number} uptimeMs
                 * @memberof fieldchain.device.v1.Heartbeat
                 * @instance
                 */
                Heartbeat.prototype.uptimeMs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

                /**
                 * Creates a new Heartbeat instance using the specified properties.
                 * @function create
                 * @memberof fieldchain.device.v1.Heartbeat
                 * @static
                 * @param {fieldchain.device.v1.Heartbeat.$Properties=} [properties] Properties to set
                 * @returns {fieldchain.device.v1.Heartbeat} Heartbeat instance
                 * @type {{
                 *   (properties: fieldchain.device.v1.Heartbeat.$Shape): fieldchain.device.v1.Heartbeat & fieldchain.device.v1.Heartbeat.$Shape;
                 *   (properties?: fieldchain.device.v1.Heartbeat.$Properties): fieldchain.device.v1.Heartbeat;
                 * }}
                 */
                Heartbeat.create = function(properties) {
                    return new Heartbeat(properties);
                };

                /**
                 * Encodes the specified Heartbeat message. Does not implicitly {@link fieldchain.device.v1.Heartbeat.verify|verify} messages.
                 * @function encode
                 * @memberof fieldchain.device.v1.Heartbeat
                 * @static
                 * @param {fieldchain.device.v1.Heartbeat.$Properties} message Heartbeat message or plain object to encode
                 * @param {$protobuf.Writer} [writer] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                Heartbeat.encode = function (message, writer, _depth) {
                    if (!writer)
                        writer = $Writer.create();
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (message.deviceTimeUs != null && $Object.hasOwnProperty.call(message, "deviceTimeUs") && (typeof message.deviceTimeUs === "object" ? message.deviceTimeUs.low || message.deviceTimeUs.high : message.deviceTimeUs !== 0))
                        writer.uint32(/* id 1, wireType 0 =*/8).uint64(message.deviceTimeUs);
                    if (message.unackedReadings != null && $Object.hasOwnProperty.call(message, "unackedReadings") && message.unackedReadings !== 0)
                        writer.uint32(/* id 2, wireType 0 =*/16).uint32(message.unackedReadings);
                    if (message.batteryPercent != null && $Object.hasOwnProperty.call(message, "batteryPercent") && message.batteryPercent !== 0)
                        writer.uint32(/* id 3, wireType 0 =*/24).uint32(message.batteryPercent);
                    if (message.uptimeMs != null && $Object.hasOwnProperty.call(message, "uptimeMs") && (typeof message.uptimeMs === "object" ? message.uptimeMs.low || message.uptimeMs.high : message.uptimeMs !== 0))
                        writer.uint32(/* id 4, wireType 0 =*/32).uint64(message.uptimeMs);
                    if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                        for (let i = 0; i < message.$unknowns.length; ++i)
                            writer.raw(message.$unknowns[i]);
                    return writer;
                };

                /**
                 * Decodes a Heartbeat message from the specified reader or buffer.
                 * @function decode
                 * @memberof fieldchain.device.v1.Heartbeat
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                 * @param {number} [length] Message length if known beforehand
                 * @returns {fieldchain.device.v1.Heartbeat & fieldchain.device.v1.Heartbeat.$Shape} Heartbeat
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                Heartbeat.decode = function (reader, length, _end, _depth, _target) {
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
                    message = _target || new $root.fieldchain.device.v1.Heartbeat();
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
                                if (wireType !== 0)
                                    break;
                                if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                    message.deviceTimeUs = value;
                                else
                                    delete message.deviceTimeUs;
                                continue;
                            }
                        case 2: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.uint32())
                                    message.unackedReadings = value;
                                else
                                    delete message.unackedReadings;
                                continue;
                            }
                        case 3: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.uint32())
                                    message.batteryPercent = value;
                                else
                                    delete message.batteryPercent;
                                continue;
                            }
                        case 4: {
                                if (wireType !== 0)
                                    break;
                                if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                    message.uptimeMs = value;
                                else
                                    delete message.uptimeMs;
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
                 * Creates a Heartbeat message from a plain object. Also converts values to their respective internal types.
                 * @function fromObject
                 * @memberof fieldchain.device.v1.Heartbeat
                 * @static
                 * @param {Object.<string,*>} object Plain object
                 * @returns {fieldchain.device.v1.Heartbeat} Heartbeat
                 */
                Heartbeat.fromObject = function (object, _depth) {
                    if (object instanceof $root.fieldchain.device.v1.Heartbeat)
                        return object;
                    if (!$util.isObject(object))
                        throw $TypeError(".fieldchain.device.v1.Heartbeat: object expected");
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let message = new $root.fieldchain.device.v1.Heartbeat();
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
                    if (object.unackedReadings != null)
                        if ($Number(object.unackedReadings) !== 0)
                            message.unackedReadings = object.unackedReadings >>> 0;
                    if (object.batteryPercent != null)
                        if ($Number(object.batteryPercent) !== 0)
                            message.batteryPercent = object.batteryPercent >>> 0;
                    if (object.uptimeMs != null)
                        if (typeof object.uptimeMs === "object" ? object.uptimeMs.low || object.uptimeMs.high : $Number(object.uptimeMs) !== 0)
                            if ($util.Long)
                                message.uptimeMs = $util.Long.fromValue(object.uptimeMs, true);
                            else if (typeof object.uptimeMs === "string")
                                message.uptimeMs = $parseInt(object.uptimeMs, 10);
                            else if (typeof object.uptimeMs === "number")
                                message.uptimeMs = object.uptimeMs;
                            else if (typeof object.uptimeMs === "object")
                                message.uptimeMs = new $util.LongBits(object.uptimeMs.low >>> 0, object.uptimeMs.high >>> 0).toNumber(true);
                    return message;
                };

                /**
                 * Creates a plain object from a Heartbeat message. Also converts values to other types if specified.
                 * @function toObject
                 * @memberof fieldchain.device.v1.Heartbeat
                 * @static
                 * @param {fieldchain.device.v1.Heartbeat} message Heartbeat
                 * @param {$protobuf.IConversionOptions} [options] Conversion options
                 * @returns {Object.<string,*>} Plain object
                 */
                Heartbeat.toObject = function (message, options, _depth) {
                    if (!options)
                        options = {};
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let object = {};
                    if (options.defaults) {
                        if ($util.Long) {
                            let long = new $util.Long(0, 0, true);
                            object.deviceTimeUs = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                        } else
                            object.deviceTimeUs = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                        object.unackedReadings = 0;
                        object.batteryPercent = 0;
                        if ($util.Long) {
                            let long = new $util.Long(0, 0, true);
                            object.uptimeMs = options.longs === $String ? long.toString() : options.longs === $Number ? long.toNumber() : typeof $BigInt !== "undefined" && options.longs === $BigInt ? long.toBigInt() : long;
                        } else
                            object.uptimeMs = options.longs === $String ? "0" : typeof $BigInt !== "undefined" && options.longs === $BigInt ? $BigInt("0") : 0;
                    }
                    if (message.deviceTimeUs != null && $Object.hasOwnProperty.call(message, "deviceTimeUs"))
                        if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                            object.deviceTimeUs = typeof message.deviceTimeUs === "number" ? $BigInt(message.deviceTimeUs) : $util.Long.fromBits(message.deviceTimeUs.low >>> 0, message.deviceTimeUs.high >>> 0, true).toBigInt();
                        else if (typeof message.deviceTimeUs === "number")
                            object.deviceTimeUs = options.longs === $String ? $String(message.deviceTimeUs) : message.deviceTimeUs;
                        else
                            object.deviceTimeUs = options.longs === $String ? $util.Long.prototype.toString.call(message.deviceTimeUs) : options.longs === $Number ? new $util.LongBits(message.deviceTimeUs.low >>> 0, message.deviceTimeUs.high >>> 0).toNumber(true) : message.deviceTimeUs;
                    if (message.unackedReadings != null && $Object.hasOwnProperty.call(message, "unackedReadings"))
                        object.unackedReadings = message.unackedReadings;
                    if (message.batteryPercent != null && $Object.hasOwnProperty.call(message, "batteryPercent"))
                        object.batteryPercent = message.batteryPercent;
                    if (message.uptimeMs != null && $Object.hasOwnProperty.call(message, "uptimeMs"))
                        if (typeof $BigInt !== "undefined" && options.longs === $BigInt)
                            object.uptimeMs = typeof message.uptimeMs === "number" ? $BigInt(message.uptimeMs) : $util.Long.fromBits(message.uptimeMs.low >>> 0, message.uptimeMs.high >>> 0, true).toBigInt();
                        else if (typeof message.uptimeMs === "number")
                            object.uptimeMs = options.longs === $String ? $String(message.uptimeMs) : message.uptimeMs;
                        else
                            object.uptimeMs = options.longs === $String ? $util.Long.prototype.toString.call(message.uptimeMs) : options.longs === $Number ? new $util.LongBits(message.uptimeMs.low >>> 0, message.uptimeMs.high >>> 0).toNumber(true) : message.uptimeMs;
                    return object;
                };

                /**
                 * Converts this Heartbeat to JSON.
                 * @function toJSON
                 * @memberof fieldchain.device.v1.Heartbeat
                 * @instance
                 * @returns {Object.<string,*>} JSON object
                 */
                Heartbeat.prototype.toJSON = function() {
                    return Heartbeat.toObject(this, $protobuf.util.toJSONOptions);
                };

                /**
                 * Gets the type url for Heartbeat
                 * @function getTypeUrl
                 * @memberof fieldchain.device.v1.Heartbeat
                 * @static
                 * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
                 * @returns {string} The type url
                 */
                Heartbeat.getTypeUrl = function(prefix) {
                    if (prefix === $undefined)
                        prefix = "type.googleapis.com";
                    return prefix + "/fieldchain.device.v1.Heartbeat";
                };

                return Heartbeat;
            })();

            v1.Error = (function() {

                /**
                 * Properties of an Error.
                 * @typedef {Object} fieldchain.device.v1.Error.$Properties
                 * @property {fieldchain.device.v1.Error.Code|null} [code] Error code
                 * @property {string|null} [message] Error message
                 * @property {number|null} [relatedSeq] Error relatedSeq
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */

                /**
                 * Properties of an Error.
                 * @memberof fieldchain.device.v1
                 * @interface IError
                 * @augments fieldchain.device.v1.Error.$Properties
                 * @deprecated Use fieldchain.device.v1.Error.$Properties instead.
                 */

                /**
                 * Shape of an Error.
                 * @typedef {fieldchain.device.v1.Error.$Properties} fieldchain.device.v1.Error.$Shape
                 */

                /**
                 * Constructs a new Error.
                 * @memberof fieldchain.device.v1
                 * @classdesc Represents an Error.
                 * @constructor
                 * @param {fieldchain.device.v1.Error.$Properties=} [properties] Properties to set
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */
                const Error = function (properties) {
                    if (properties)
                        for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                /**
                 * Error code.
                 * @member {fieldchain.device.v1.Error.Code} code
                 * @memberof fieldchain.device.v1.Error
                 * @instance
                 */
                Error.prototype.code = 0;

                /**
                 * Error message.
                 * @member {string} message
                 * @memberof fieldchain.device.v1.Error
                 * @instance
                 */
                Error.prototype.message = "";

                /**
                 * Error relatedSeq.
                 * @member {number} relatedSeq
                 * @memberof fieldchain.device.v1.Error
                 * @instance
                 */
                Error.prototype.relatedSeq = 0;

                /**
                 * Creates a new Error instance using the specified properties.
                 * @function create
                 * @memberof fieldchain.device.v1.Error
                 * @static
                 * @param {fieldchain.device.v1.Error.$Properties=} [properties] Properties to set
                 * @returns {fieldchain.device.v1.Error} Error instance
                 * @type {{
                 *   (properties: fieldchain.device.v1.Error.$Shape): fieldchain.device.v1.Error & fieldchain.device.v1.Error.$Shape;
                 *   (properties?: fieldchain.device.v1.Error.$Properties): fieldchain.device.v1.Error;
                 * }}
                 */
                Error.create = function(properties) {
                    return new Error(properties);
                };

                /**
                 * Encodes the specified Error message. Does not implicitly {@link fieldchain.device.v1.Error.verify|verify} messages.
                 * @function encode
                 * @memberof fieldchain.device.v1.Error
                 * @static
                 * @param {fieldchain.device.v1.Error.$Properties} message Error message or plain object to encode
                 * @param {$protobuf.Writer} [writer] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                Error.encode = function (message, writer, _depth) {
                    if (!writer)
                        writer = $Writer.create();
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (message.code != null && $Object.hasOwnProperty.call(message, "code") && message.code !== 0)
                        writer.uint32(/* id 1, wireType 0 =*/8).int32(message.code);
                    if (message.message != null && $Object.hasOwnProperty.call(message, "message") && message.message !== "")
                        writer.uint32(/* id 2, wireType 2 =*/18).string(message.message);
                    if (message.relatedSeq != null && $Object.hasOwnProperty.call(message, "relatedSeq") && message.relatedSeq !== 0)
                        writer.uint32(/* id 3, wireType 0 =*/24).uint32(message.relatedSeq);
                    if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                        for (let i = 0; i < message.$unknowns.length; ++i)
                            writer.raw(message.$unknowns[i]);
                    return writer;
                };

                /**
                 * Decodes an Error message from the specified reader or buffer.
                 * @function decode
                 * @memberof fieldchain.device.v1.Error
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                 * @param {number} [length] Message length if known beforehand
                 * @returns {fieldchain.device.v1.Error & fieldchain.device.v1.Error.$Shape} Error
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                Error.decode = function (reader, length, _end, _depth, _target) {
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
                    message = _target || new $root.fieldchain.device.v1.Error();
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
                                if (wireType !== 0)
                                    break;
                                if (value = reader.int32())
                                    message.code = value;
                                else
                                    delete message.code;
                                continue;
                            }
                        case 2: {
                                if (wireType !== 2)
                                    break;
                                if ((value = reader.stringVerify()).length)
                                    message.message = value;
                                else
                                    delete message.message;
                                continue;
                            }
                        case 3: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.uint32())
                                    message.relatedSeq = value;
                                else
                                    delete message.relatedSeq;
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
                 * Creates an Error message from a plain object. Also converts values to their respective internal types.
                 * @function fromObject
                 * @memberof fieldchain.device.v1.Error
                 * @static
                 * @param {Object.<string,*>} object Plain object
                 * @returns {fieldchain.device.v1.Error} Error
                 */
                Error.fromObject = function (object, _depth) {
                    if (object instanceof $root.fieldchain.device.v1.Error)
                        return object;
                    if (!$util.isObject(object))
                        throw $TypeError(".fieldchain.device.v1.Error: object expected");
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let message = new $root.fieldchain.device.v1.Error();
                    if (object.code !== 0 && (typeof object.code !== "string" || $root.fieldchain.device.v1.Error.Code[object.code] !== 0))
                        switch (object.code) {
                        case "CODE_UNSPECIFIED":
                        case 0:
                            message.code = 0;
                            break;
                        case "CODE_PROTOCOL_VERSION":
                        case 1:
                            message.code = 1;
                            break;
                        case "CODE_BAD_FRAME":
                        case 2:
                            message.code = 2;
                            break;
                        case "CODE_BAD_MESSAGE":
                        case 3:
                            message.code = 3;
                            break;
                        case "CODE_UNSUPPORTED":
                        case 4:
                            message.code = 4;
                            break;
                        case "CODE_BUSY":
                        case 5:
                            message.code = 5;
                            break;
                        case "CODE_INTERNAL":
                        case 6:
                            message.code = 6;
                            break;
                        default:
                            if (typeof object.code === "number" && (object.code | 0) === object.code)
                                message.code = object.code;
                        }
                    if (object.message != null)
                        if (typeof object.message !== "string" || object.message.length)
                            message.message = $String(object.message);
                    if (object.relatedSeq != null)
                        if ($Number(object.relatedSeq) !== 0)
                            message.relatedSeq = object.relatedSeq >>> 0;
                    return message;
                };

                /**
                 * Creates a plain object from an Error message. Also converts values to other types if specified.
                 * @function toObject
                 * @memberof fieldchain.device.v1.Error
                 * @static
                 * @param {fieldchain.device.v1.Error} message Error
                 * @param {$protobuf.IConversionOptions} [options] Conversion options
                 * @returns {Object.<string,*>} Plain object
                 */
                Error.toObject = function (message, options, _depth) {
                    if (!options)
                        options = {};
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let object = {};
                    if (options.defaults) {
                        object.code = options.enums === $String ? "CODE_UNSPECIFIED" : 0;
                        object.message = "";
                        object.relatedSeq = 0;
                    }
                    if (message.code != null && $Object.hasOwnProperty.call(message, "code"))
                        object.code = options.enums === $String ? $root.fieldchain.device.v1.Error.Code[message.code] === $undefined ? message.code : $root.fieldchain.device.v1.Error.Code[message.code] : message.code;
                    if (message.message != null && $Object.hasOwnProperty.call(message, "message"))
                        object.message = message.message;
                    if (message.relatedSeq != null && $Object.hasOwnProperty.call(message, "relatedSeq"))
                        object.relatedSeq = message.relatedSeq;
                    return object;
                };

                /**
                 * Converts this Error to JSON.
                 * @function toJSON
                 * @memberof fieldchain.device.v1.Error
                 * @instance
                 * @returns {Object.<string,*>} JSON object
                 */
                Error.prototype.toJSON = function() {
                    return Error.toObject(this, $protobuf.util.toJSONOptions);
                };

                /**
                 * Gets the type url for Error
                 * @function getTypeUrl
                 * @memberof fieldchain.device.v1.Error
                 * @static
                 * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
                 * @returns {string} The type url
                 */
                Error.getTypeUrl = function(prefix) {
                    if (prefix === $undefined)
                        prefix = "type.googleapis.com";
                    return prefix + "/fieldchain.device.v1.Error";
                };

                /**
                 * Code enum.
                 * @name fieldchain.device.v1.Error.Code
                 * @enum {number}
                 * @property {number} CODE_UNSPECIFIED=0 CODE_UNSPECIFIED value
                 * @property {number} CODE_PROTOCOL_VERSION=1 CODE_PROTOCOL_VERSION value
                 * @property {number} CODE_BAD_FRAME=2 CODE_BAD_FRAME value
                 * @property {number} CODE_BAD_MESSAGE=3 CODE_BAD_MESSAGE value
                 * @property {number} CODE_UNSUPPORTED=4 CODE_UNSUPPORTED value
                 * @property {number} CODE_BUSY=5 CODE_BUSY value
                 * @property {number} CODE_INTERNAL=6 CODE_INTERNAL value
                 */
                Error.Code = (function() {
                    const valuesById = $Object.create(null), values = $Object.create(valuesById);
                    values[valuesById[0] = "CODE_UNSPECIFIED"] = 0;
                    values[valuesById[1] = "CODE_PROTOCOL_VERSION"] = 1;
                    values[valuesById[2] = "CODE_BAD_FRAME"] = 2;
                    values[valuesById[3] = "CODE_BAD_MESSAGE"] = 3;
                    values[valuesById[4] = "CODE_UNSUPPORTED"] = 4;
                    values[valuesById[5] = "CODE_BUSY"] = 5;
                    values[valuesById[6] = "CODE_INTERNAL"] = 6;
                    return values;
                })();

                return Error;
            })();

            /**
             * ImageStatus enum.
             * @name fieldchain.device.v1.ImageStatus
             * @enum {number}
             * @property {number} IMAGE_STATUS_UNSPECIFIED=0 IMAGE_STATUS_UNSPECIFIED value
             * @property {number} IMAGE_STATUS_OK=1 IMAGE_STATUS_OK value
             * @property {number} IMAGE_STATUS_INVALID_ARGUMENT=2 IMAGE_STATUS_INVALID_ARGUMENT value
             * @property {number} IMAGE_STATUS_BAD_IMAGE=3 IMAGE_STATUS_BAD_IMAGE value
             * @property {number} IMAGE_STATUS_BAD_SIGNATURE=4 IMAGE_STATUS_BAD_SIGNATURE value
             * @property {number} IMAGE_STATUS_WRONG_HARDWARE=5 IMAGE_STATUS_WRONG_HARDWARE value
             * @property {number} IMAGE_STATUS_DOWNGRADE=6 IMAGE_STATUS_DOWNGRADE value
             * @property {number} IMAGE_STATUS_NO_SPACE=7 IMAGE_STATUS_NO_SPACE value
             * @property {number} IMAGE_STATUS_BUSY=8 IMAGE_STATUS_BUSY value
             * @property {number} IMAGE_STATUS_HASH_MISMATCH=9 IMAGE_STATUS_HASH_MISMATCH value
             * @property {number} IMAGE_STATUS_NOT_FOUND=10 IMAGE_STATUS_NOT_FOUND value
             */
            v1.ImageStatus = (function() {
                const valuesById = $Object.create(null), values = $Object.create(valuesById);
                values[valuesById[0] = "IMAGE_STATUS_UNSPECIFIED"] = 0;
                values[valuesById[1] = "IMAGE_STATUS_OK"] = 1;
                values[valuesById[2] = "IMAGE_STATUS_INVALID_ARGUMENT"] = 2;
                values[valuesById[3] = "IMAGE_STATUS_BAD_IMAGE"] = 3;
                values[valuesById[4] = "IMAGE_STATUS_BAD_SIGNATURE"] = 4;
                values[valuesById[5] = "IMAGE_STATUS_WRONG_HARDWARE"] = 5;
                values[valuesById[6] = "IMAGE_STATUS_DOWNGRADE"] = 6;
                values[valuesById[7] = "IMAGE_STATUS_NO_SPACE"] = 7;
                values[valuesById[8] = "IMAGE_STATUS_BUSY"] = 8;
                values[valuesById[9] = "IMAGE_STATUS_HASH_MISMATCH"] = 9;
                values[valuesById[10] = "IMAGE_STATUS_NOT_FOUND"] = 10;
                return values;
            })();

            v1.ImageUpload = (function() {

                /**
                 * Properties of an ImageUpload.
                 * @typedef {Object} fieldchain.device.v1.ImageUpload.$Properties
                 * @property {number|null} [offset] ImageUpload offset
                 * @property {Uint8Array|null} [data] ImageUpload data
                 * @property {number|null} [imageLength] ImageUpload imageLength
                 * @property {Uint8Array|null} [sha256] ImageUpload sha256
                 * @property {number|null} [slot] ImageUpload slot
                 * @property {boolean|null} [allowDowngrade] ImageUpload allowDowngrade
                 * @property {boolean|null} [restart] ImageUpload restart
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */

                /**
                 * Properties of an ImageUpload.
                 * @memberof fieldchain.device.v1
                 * @interface IImageUpload
                 * @augments fieldchain.device.v1.ImageUpload.$Properties
                 * @deprecated Use fieldchain.device.v1.ImageUpload.$Properties instead.
                 */

                /**
                 * Shape of an ImageUpload.
                 * @typedef {fieldchain.device.v1.ImageUpload.$Properties} fieldchain.device.v1.ImageUpload.$Shape
                 */

                /**
                 * Constructs a new ImageUpload.
                 * @memberof fieldchain.device.v1
                 * @classdesc Represents an ImageUpload.
                 * @constructor
                 * @param {fieldchain.device.v1.ImageUpload.$Properties=} [properties] Properties to set
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */
                const ImageUpload = function (properties) {
                    if (properties)
                        for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                /**
                 * ImageUpload offset.
                 * @member {number} offset
                 * @memberof fieldchain.device.v1.ImageUpload
                 * @instance
                 */
                ImageUpload.prototype.offset = 0;

                /**
                 * ImageUpload data.
                 * @member {Uint8Array} data
                 * @memberof fieldchain.device.v1.ImageUpload
                 * @instance
                 */
                ImageUpload.prototype.data = $util.newBuffer([]);

                /**
                 * ImageUpload imageLength.
                 * @member {number} imageLength
                 * @memberof fieldchain.device.v1.ImageUpload
                 * @instance
                 */
                ImageUpload.prototype.imageLength = 0;

                /**
                 * ImageUpload sha256.
                 * @member {Uint8Array} sha256
                 * @memberof fieldchain.device.v1.ImageUpload
                 * @instance
                 */
                ImageUpload.prototype.sha256 = $util.newBuffer([]);

                /**
                 * ImageUpload slot.
                 * @member {number} slot
                 * @memberof fieldchain.device.v1.ImageUpload
                 * @instance
                 */
                ImageUpload.prototype.slot = 0;

                /**
                 * ImageUpload allowDowngrade.
                 * @member {boolean} allowDowngrade
                 * @memberof fieldchain.device.v1.ImageUpload
                 * @instance
                 */
                ImageUpload.prototype.allowDowngrade = false;

                /**
                 * ImageUpload restart.
                 * @member {boolean} restart
                 * @memberof fieldchain.device.v1.ImageUpload
                 * @instance
                 */
                ImageUpload.prototype.restart = false;

                /**
                 * Creates a new ImageUpload instance using the specified properties.
                 * @function create
                 * @memberof fieldchain.device.v1.ImageUpload
                 * @static
                 * @param {fieldchain.device.v1.ImageUpload.$Properties=} [properties] Properties to set
                 * @returns {fieldchain.device.v1.ImageUpload} ImageUpload instance
                 * @type {{
                 *   (properties: fieldchain.device.v1.ImageUpload.$Shape): fieldchain.device.v1.ImageUpload & fieldchain.device.v1.ImageUpload.$Shape;
                 *   (properties?: fieldchain.device.v1.ImageUpload.$Properties): fieldchain.device.v1.ImageUpload;
                 * }}
                 */
                ImageUpload.create = function(properties) {
                    return new ImageUpload(properties);
                };

                /**
                 * Encodes the specified ImageUpload message. Does not implicitly {@link fieldchain.device.v1.ImageUpload.verify|verify} messages.
                 * @function encode
                 * @memberof fieldchain.device.v1.ImageUpload
                 * @static
                 * @param {fieldchain.device.v1.ImageUpload.$Properties} message ImageUpload message or plain object to encode
                 * @param {$protobuf.Writer} [writer] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                ImageUpload.encode = function (message, writer, _depth) {
                    if (!writer)
                        writer = $Writer.create();
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (message.offset != null && $Object.hasOwnProperty.call(message, "offset") && message.offset !== 0)
                        writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.offset);
                    if (message.data != null && $Object.hasOwnProperty.call(message, "data") && message.data.length)
                        writer.uint32(/* id 2, wireType 2 =*/18).bytes(message.data);
                    if (message.imageLength != null && $Object.hasOwnProperty.call(message, "imageLength") && message.imageLength !== 0)
                        writer.uint32(/* id 3, wireType 0 =*/24).uint32(message.imageLength);
                    if (message.sha256 != null && $Object.hasOwnProperty.call(message, "sha256") && message.sha256.length)
                        writer.uint32(/* id 4, wireType 2 =*/34).bytes(message.sha256);
                    if (message.slot != null && $Object.hasOwnProperty.call(message, "slot") && message.slot !== 0)
                        writer.uint32(/* id 5, wireType 0 =*/40).uint32(message.slot);
                    if (message.allowDowngrade != null && $Object.hasOwnProperty.call(message, "allowDowngrade") && message.allowDowngrade !== false)
                        writer.uint32(/* id 6, wireType 0 =*/48).bool(message.allowDowngrade);
                    if (message.restart != null && $Object.hasOwnProperty.call(message, "restart") && message.restart !== false)
                        writer.uint32(/* id 7, wireType 0 =*/56).bool(message.restart);
                    if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                        for (let i = 0; i < message.$unknowns.length; ++i)
                            writer.raw(message.$unknowns[i]);
                    return writer;
                };

                /**
                 * Decodes an ImageUpload message from the specified reader or buffer.
                 * @function decode
                 * @memberof fieldchain.device.v1.ImageUpload
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                 * @param {number} [length] Message length if known beforehand
                 * @returns {fieldchain.device.v1.ImageUpload & fieldchain.device.v1.ImageUpload.$Shape} ImageUpload
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                ImageUpload.decode = function (reader, length, _end, _depth, _target) {
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
                    message = _target || new $root.fieldchain.device.v1.ImageUpload();
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
                                if (wireType !== 0)
                                    break;
                                if (value = reader.uint32())
                                    message.offset = value;
                                else
                                    delete message.offset;
                                continue;
                            }
                        case 2: {
                                if (wireType !== 2)
                                    break;
                                if ((value = reader.bytes()).length)
                                    message.data = value;
                                else
                                    delete message.data;
                                continue;
                            }
                        case 3: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.uint32())
                                    message.imageLength = value;
                                else
                                    delete message.imageLength;
                                continue;
                            }
                        case 4: {
                                if (wireType !== 2)
                                    break;
                                if ((value = reader.bytes()).length)
                                    message.sha256 = value;
                                else
                                    delete message.sha256;
                                continue;
                            }
                        case 5: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.uint32())
                                    message.slot = value;
                                else
                                    delete message.slot;
                                continue;
                            }
                        case 6: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.bool())
                                    message.allowDowngrade = value;
                                else
                                    delete message.allowDowngrade;
                                continue;
                            }
                        case 7: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.bool())
                                    message.restart = value;
                                else
                                    delete message.restart;
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
                 * Creates an ImageUpload message from a plain object. Also converts values to their respective internal types.
                 * @function fromObject
                 * @memberof fieldchain.device.v1.ImageUpload
                 * @static
                 * @param {Object.<string,*>} object Plain object
                 * @returns {fieldchain.device.v1.ImageUpload} ImageUpload
                 */
                ImageUpload.fromObject = function (object, _depth) {
                    if (object instanceof $root.fieldchain.device.v1.ImageUpload)
                        return object;
                    if (!$util.isObject(object))
                        throw $TypeError(".fieldchain.device.v1.ImageUpload: object expected");
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let message = new $root.fieldchain.device.v1.ImageUpload();
                    if (object.offset != null)
                        if ($Number(object.offset) !== 0)
                            message.offset = object.offset >>> 0;
                    if (object.data != null)
                        if (object.data.length)
                            if (typeof object.data === "string")
                                $util.base64.decode(object.data, message.data = $util.newBuffer($util.base64.length(object.data)), 0);
                            else if (object.data.length >= 0)
                                message.data = object.data;
                    if (object.imageLength != null)
                        if ($Number(object.imageLength) !== 0)
                            message.imageLength = object.imageLength >>> 0;
                    if (object.sha256 != null)
                        if (object.sha256.length)
                            if (typeof object.sha256 === "string")
                                $util.base64.decode(object.sha256, message.sha256 = $util.newBuffer($util.base64.length(object.sha256)), 0);
                            else if (object.sha256.length >= 0)
                                message.sha256 = object.sha256;
                    if (object.slot != null)
                        if ($Number(object.slot) !== 0)
                            message.slot = object.slot >>> 0;
                    if (object.allowDowngrade != null)
                        if (object.allowDowngrade)
                            message.allowDowngrade = $Boolean(object.allowDowngrade);
                    if (object.restart != null)
                        if (object.restart)
                            message.restart = $Boolean(object.restart);
                    return message;
                };

                /**
                 * Creates a plain object from an ImageUpload message. Also converts values to other types if specified.
                 * @function toObject
                 * @memberof fieldchain.device.v1.ImageUpload
                 * @static
                 * @param {fieldchain.device.v1.ImageUpload} message ImageUpload
                 * @param {$protobuf.IConversionOptions} [options] Conversion options
                 * @returns {Object.<string,*>} Plain object
                 */
                ImageUpload.toObject = function (message, options, _depth) {
                    if (!options)
                        options = {};
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let object = {};
                    if (options.defaults) {
                        object.offset = 0;
                        if (options.bytes === $String)
                            object.data = "";
                        else {
                            object.data = [];
                            if (options.bytes !== $Array)
                                object.data = $util.newBuffer(object.data);
                        }
                        object.imageLength = 0;
                        if (options.bytes === $String)
                            object.sha256 = "";
                        else {
                            object.sha256 = [];
                            if (options.bytes !== $Array)
                                object.sha256 = $util.newBuffer(object.sha256);
                        }
                        object.slot = 0;
                        object.allowDowngrade = false;
                        object.restart = false;
                    }
                    if (message.offset != null && $Object.hasOwnProperty.call(message, "offset"))
                        object.offset = message.offset;
                    if (message.data != null && $Object.hasOwnProperty.call(message, "data"))
                        object.data = options.bytes === $String ? $util.base64.encode(message.data, 0, message.data.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.data) : message.data;
                    if (message.imageLength != null && $Object.hasOwnProperty.call(message, "imageLength"))
                        object.imageLength = message.imageLength;
                    if (message.sha256 != null && $Object.hasOwnProperty.call(message, "sha256"))
                        object.sha256 = options.bytes === $String ? $util.base64.encode(message.sha256, 0, message.sha256.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.sha256) : message.sha256;
                    if (message.slot != null && $Object.hasOwnProperty.call(message, "slot"))
                        object.slot = message.slot;
                    if (message.allowDowngrade != null && $Object.hasOwnProperty.call(message, "allowDowngrade"))
                        object.allowDowngrade = message.allowDowngrade;
                    if (message.restart != null && $Object.hasOwnProperty.call(message, "restart"))
                        object.restart = message.restart;
                    return object;
                };

                /**
                 * Converts this ImageUpload to JSON.
                 * @function toJSON
                 * @memberof fieldchain.device.v1.ImageUpload
                 * @instance
                 * @returns {Object.<string,*>} JSON object
                 */
                ImageUpload.prototype.toJSON = function() {
                    return ImageUpload.toObject(this, $protobuf.util.toJSONOptions);
                };

                /**
                 * Gets the type url for ImageUpload
                 * @function getTypeUrl
                 * @memberof fieldchain.device.v1.ImageUpload
                 * @static
                 * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
                 * @returns {string} The type url
                 */
                ImageUpload.getTypeUrl = function(prefix) {
                    if (prefix === $undefined)
                        prefix = "type.googleapis.com";
                    return prefix + "/fieldchain.device.v1.ImageUpload";
                };

                return ImageUpload;
            })();

            v1.ImageUploadResult = (function() {

                /**
                 * Properties of an ImageUploadResult.
                 * @typedef {Object} fieldchain.device.v1.ImageUploadResult.$Properties
                 * @property {number|null} [requestSeq] ImageUploadResult requestSeq
                 * @property {fieldchain.device.v1.ImageStatus|null} [status] ImageUploadResult status
                 * @property {number|null} [nextOffset] ImageUploadResult nextOffset
                 * @property {boolean|null} [match] ImageUploadResult match
                 * @property {boolean|null} [complete] ImageUploadResult complete
                 * @property {string|null} [message] ImageUploadResult message
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */

                /**
                 * Properties of an ImageUploadResult.
                 * @memberof fieldchain.device.v1
                 * @interface IImageUploadResult
                 * @augments fieldchain.device.v1.ImageUploadResult.$Properties
                 * @deprecated Use fieldchain.device.v1.ImageUploadResult.$Properties instead.
                 */

                /**
                 * Shape of an ImageUploadResult.
                 * @typedef {fieldchain.device.v1.ImageUploadResult.$Properties} fieldchain.device.v1.ImageUploadResult.$Shape
                 */

                /**
                 * Constructs a new ImageUploadResult.
                 * @memberof fieldchain.device.v1
                 * @classdesc Represents an ImageUploadResult.
                 * @constructor
                 * @param {fieldchain.device.v1.ImageUploadResult.$Properties=} [properties] Properties to set
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */
                const ImageUploadResult = function (properties) {
                    if (properties)
                        for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                /**
                 * ImageUploadResult requestSeq.
                 * @member {number} requestSeq
                 * @memberof fieldchain.device.v1.ImageUploadResult
                 * @instance
                 */
                ImageUploadResult.prototype.requestSeq = 0;

                /**
                 * ImageUploadResult status.
                 * @member {fieldchain.device.v1.ImageStatus} status
                 * @memberof fieldchain.device.v1.ImageUploadResult
                 * @instance
                 */
                ImageUploadResult.prototype.status = 0;

                /**
                 * ImageUploadResult nextOffset.
                 * @member {number} nextOffset
                 * @memberof fieldchain.device.v1.ImageUploadResult
                 * @instance
                 */
                ImageUploadResult.prototype.nextOffset = 0;

                /**
                 * ImageUploadResult match.
                 * @member {boolean} match
                 * @memberof fieldchain.device.v1.ImageUploadResult
                 * @instance
                 */
                ImageUploadResult.prototype.match = false;

                /**
                 * ImageUploadResult complete.
                 * @member {boolean} complete
                 * @memberof fieldchain.device.v1.ImageUploadResult
                 * @instance
                 */
                ImageUploadResult.prototype.complete = false;

                /**
                 * ImageUploadResult message.
                 * @member {string} message
                 * @memberof fieldchain.device.v1.ImageUploadResult
                 * @instance
                 */
                ImageUploadResult.prototype.message = "";

                /**
                 * Creates a new ImageUploadResult instance using the specified properties.
                 * @function create
                 * @memberof fieldchain.device.v1.ImageUploadResult
                 * @static
                 * @param {fieldchain.device.v1.ImageUploadResult.$Properties=} [properties] Properties to set
                 * @returns {fieldchain.device.v1.ImageUploadResult} ImageUploadResult instance
                 * @type {{
                 *   (properties: fieldchain.device.v1.ImageUploadResult.$Shape): fieldchain.device.v1.ImageUploadResult & fieldchain.device.v1.ImageUploadResult.$Shape;
                 *   (properties?: fieldchain.device.v1.ImageUploadResult.$Properties): fieldchain.device.v1.ImageUploadResult;
                 * }}
                 */
                ImageUploadResult.create = function(properties) {
                    return new ImageUploadResult(properties);
                };

                /**
                 * Encodes the specified ImageUploadResult message. Does not implicitly {@link fieldchain.device.v1.ImageUploadResult.verify|verify} messages.
                 * @function encode
                 * @memberof fieldchain.device.v1.ImageUploadResult
                 * @static
                 * @param {fieldchain.device.v1.ImageUploadResult.$Properties} message ImageUploadResult message or plain object to encode
                 * @param {$protobuf.Writer} [writer] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                ImageUploadResult.encode = function (message, writer, _depth) {
                    if (!writer)
                        writer = $Writer.create();
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (message.requestSeq != null && $Object.hasOwnProperty.call(message, "requestSeq") && message.requestSeq !== 0)
                        writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.requestSeq);
                    if (message.status != null && $Object.hasOwnProperty.call(message, "status") && message.status !== 0)
                        writer.uint32(/* id 2, wireType 0 =*/16).int32(message.status);
                    if (message.nextOffset != null && $Object.hasOwnProperty.call(message, "nextOffset") && message.nextOffset !== 0)
                        writer.uint32(/* id 3, wireType 0 =*/24).uint32(message.nextOffset);
                    if (message.match != null && $Object.hasOwnProperty.call(message, "match") && message.match !== false)
                        writer.uint32(/* id 4, wireType 0 =*/32).bool(message.match);
                    if (message.complete != null && $Object.hasOwnProperty.call(message, "complete") && message.complete !== false)
                        writer.uint32(/* id 5, wireType 0 =*/40).bool(message.complete);
                    if (message.message != null && $Object.hasOwnProperty.call(message, "message") && message.message !== "")
                        writer.uint32(/* id 6, wireType 2 =*/50).string(message.message);
                    if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                        for (let i = 0; i < message.$unknowns.length; ++i)
                            writer.raw(message.$unknowns[i]);
                    return writer;
                };

                /**
                 * Decodes an ImageUploadResult message from the specified reader or buffer.
                 * @function decode
                 * @memberof fieldchain.device.v1.ImageUploadResult
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                 * @param {number} [length] Message length if known beforehand
                 * @returns {fieldchain.device.v1.ImageUploadResult & fieldchain.device.v1.ImageUploadResult.$Shape} ImageUploadResult
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                ImageUploadResult.decode = function (reader, length, _end, _depth, _target) {
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
                    message = _target || new $root.fieldchain.device.v1.ImageUploadResult();
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
                                if (wireType !== 0)
                                    break;
                                if (value = reader.uint32())
                                    message.requestSeq = value;
                                else
                                    delete message.requestSeq;
                                continue;
                            }
                        case 2: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.int32())
                                    message.status = value;
                                else
                                    delete message.status;
                                continue;
                            }
                        case 3: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.uint32())
                                    message.nextOffset = value;
                                else
                                    delete message.nextOffset;
                                continue;
                            }
                        case 4: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.bool())
                                    message.match = value;
                                else
                                    delete message.match;
                                continue;
                            }
                        case 5: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.bool())
                                    message.complete = value;
                                else
                                    delete message.complete;
                                continue;
                            }
                        case 6: {
                                if (wireType !== 2)
                                    break;
                                if ((value = reader.stringVerify()).length)
                                    message.message = value;
                                else
                                    delete message.message;
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
                 * Creates an ImageUploadResult message from a plain object. Also converts values to their respective internal types.
                 * @function fromObject
                 * @memberof fieldchain.device.v1.ImageUploadResult
                 * @static
                 * @param {Object.<string,*>} object Plain object
                 * @returns {fieldchain.device.v1.ImageUploadResult} ImageUploadResult
                 */
                ImageUploadResult.fromObject = function (object, _depth) {
                    if (object instanceof $root.fieldchain.device.v1.ImageUploadResult)
                        return object;
                    if (!$util.isObject(object))
                        throw $TypeError(".fieldchain.device.v1.ImageUploadResult: object expected");
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let message = new $root.fieldchain.device.v1.ImageUploadResult();
                    if (object.requestSeq != null)
                        if ($Number(object.requestSeq) !== 0)
                            message.requestSeq = object.requestSeq >>> 0;
                    if (object.status !== 0 && (typeof object.status !== "string" || $root.fieldchain.device.v1.ImageStatus[object.status] !== 0))
                        switch (object.status) {
                        case "IMAGE_STATUS_UNSPECIFIED":
                        case 0:
                            message.status = 0;
                            break;
                        case "IMAGE_STATUS_OK":
                        case 1:
                            message.status = 1;
                            break;
                        case "IMAGE_STATUS_INVALID_ARGUMENT":
                        case 2:
                            message.status = 2;
                            break;
                        case "IMAGE_STATUS_BAD_IMAGE":
                        case 3:
                            message.status = 3;
                            break;
                        case "IMAGE_STATUS_BAD_SIGNATURE":
                        case 4:
                            message.status = 4;
                            break;
                        case "IMAGE_STATUS_WRONG_HARDWARE":
                        case 5:
                            message.status = 5;
                            break;
                        case "IMAGE_STATUS_DOWNGRADE":
                        case 6:
                            message.status = 6;
                            break;
                        case "IMAGE_STATUS_NO_SPACE":
                        case 7:
                            message.status = 7;
                            break;
                        case "IMAGE_STATUS_BUSY":
                        case 8:
                            message.status = 8;
                            break;
                        case "IMAGE_STATUS_HASH_MISMATCH":
                        case 9:
                            message.status = 9;
                            break;
                        case "IMAGE_STATUS_NOT_FOUND":
                        case 10:
                            message.status = 10;
                            break;
                        default:
                            if (typeof object.status === "number" && (object.status | 0) === object.status)
                                message.status = object.status;
                        }
                    if (object.nextOffset != null)
                        if ($Number(object.nextOffset) !== 0)
                            message.nextOffset = object.nextOffset >>> 0;
                    if (object.match != null)
                        if (object.match)
                            message.match = $Boolean(object.match);
                    if (object.complete != null)
                        if (object.complete)
                            message.complete = $Boolean(object.complete);
                    if (object.message != null)
                        if (typeof object.message !== "string" || object.message.length)
                            message.message = $String(object.message);
                    return message;
                };

                /**
                 * Creates a plain object from an ImageUploadResult message. Also converts values to other types if specified.
                 * @function toObject
                 * @memberof fieldchain.device.v1.ImageUploadResult
                 * @static
                 * @param {fieldchain.device.v1.ImageUploadResult} message ImageUploadResult
                 * @param {$protobuf.IConversionOptions} [options] Conversion options
                 * @returns {Object.<string,*>} Plain object
                 */
                ImageUploadResult.toObject = function (message, options, _depth) {
                    if (!options)
                        options = {};
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let object = {};
                    if (options.defaults) {
                        object.requestSeq = 0;
                        object.status = options.enums === $String ? "IMAGE_STATUS_UNSPECIFIED" : 0;
                        object.nextOffset = 0;
                        object.match = false;
                        object.complete = false;
                        object.message = "";
                    }
                    if (message.requestSeq != null && $Object.hasOwnProperty.call(message, "requestSeq"))
                        object.requestSeq = message.requestSeq;
                    if (message.status != null && $Object.hasOwnProperty.call(message, "status"))
                        object.status = options.enums === $String ? $root.fieldchain.device.v1.ImageStatus[message.status] === $undefined ? message.status : $root.fieldchain.device.v1.ImageStatus[message.status] : message.status;
                    if (message.nextOffset != null && $Object.hasOwnProperty.call(message, "nextOffset"))
                        object.nextOffset = message.nextOffset;
                    if (message.match != null && $Object.hasOwnProperty.call(message, "match"))
                        object.match = message.match;
                    if (message.complete != null && $Object.hasOwnProperty.call(message, "complete"))
                        object.complete = message.complete;
                    if (message.message != null && $Object.hasOwnProperty.call(message, "message"))
                        object.message = message.message;
                    return object;
                };

                /**
                 * Converts this ImageUploadResult to JSON.
                 * @function toJSON
                 * @memberof fieldchain.device.v1.ImageUploadResult
                 * @instance
                 * @returns {Object.<string,*>} JSON object
                 */
                ImageUploadResult.prototype.toJSON = function() {
                    return ImageUploadResult.toObject(this, $protobuf.util.toJSONOptions);
                };

                /**
                 * Gets the type url for ImageUploadResult
                 * @function getTypeUrl
                 * @memberof fieldchain.device.v1.ImageUploadResult
                 * @static
                 * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
                 * @returns {string} The type url
                 */
                ImageUploadResult.getTypeUrl = function(prefix) {
                    if (prefix === $undefined)
                        prefix = "type.googleapis.com";
                    return prefix + "/fieldchain.device.v1.ImageUploadResult";
                };

                return ImageUploadResult;
            })();

            v1.ImageStateRequest = (function() {

                /**
                 * Properties of an ImageStateRequest.
                 * @typedef {Object} fieldchain.device.v1.ImageStateRequest.$Properties
                 * @property {fieldchain.device.v1.ImageStateRequest.Action|null} [action] ImageStateRequest action
                 * @property {Uint8Array|null} [hash] ImageStateRequest hash
                 * @property {boolean|null} [allowDowngrade] ImageStateRequest allowDowngrade
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */

                /**
                 * Properties of an ImageStateRequest.
                 * @memberof fieldchain.device.v1
                 * @interface IImageStateRequest
                 * @augments fieldchain.device.v1.ImageStateRequest.$Properties
                 * @deprecated Use fieldchain.device.v1.ImageStateRequest.$Properties instead.
                 */

                /**
                 * Shape of an ImageStateRequest.
                 * @typedef {fieldchain.device.v1.ImageStateRequest.$Properties} fieldchain.device.v1.ImageStateRequest.$Shape
                 */

                /**
                 * Constructs a new ImageStateRequest.
                 * @memberof fieldchain.device.v1
                 * @classdesc Represents an ImageStateRequest.
                 * @constructor
                 * @param {fieldchain.device.v1.ImageStateRequest.$Properties=} [properties] Properties to set
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */
                const ImageStateRequest = function (properties) {
                    if (properties)
                        for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                /**
                 * ImageStateRequest action.
                 * @member {fieldchain.device.v1.ImageStateRequest.Action} action
                 * @memberof fieldchain.device.v1.ImageStateRequest
                 * @instance
                 */
                ImageStateRequest.prototype.action = 0;

                /**
                 * ImageStateRequest hash.
                 * @member {Uint8Array} hash
                 * @memberof fieldchain.device.v1.ImageStateRequest
                 * @instance
                 */
                ImageStateRequest.prototype.hash = $util.newBuffer([]);

                /**
                 * ImageStateRequest allowDowngrade.
                 * @member {boolean} allowDowngrade
                 * @memberof fieldchain.device.v1.ImageStateRequest
                 * @instance
                 */
                ImageStateRequest.prototype.allowDowngrade = false;

                /**
                 * Creates a new ImageStateRequest instance using the specified properties.
                 * @function create
                 * @memberof fieldchain.device.v1.ImageStateRequest
                 * @static
                 * @param {fieldchain.device.v1.ImageStateRequest.$Properties=} [properties] Properties to set
                 * @returns {fieldchain.device.v1.ImageStateRequest} ImageStateRequest instance
                 * @type {{
                 *   (properties: fieldchain.device.v1.ImageStateRequest.$Shape): fieldchain.device.v1.ImageStateRequest & fieldchain.device.v1.ImageStateRequest.$Shape;
                 *   (properties?: fieldchain.device.v1.ImageStateRequest.$Properties): fieldchain.device.v1.ImageStateRequest;
                 * }}
                 */
                ImageStateRequest.create = function(properties) {
                    return new ImageStateRequest(properties);
                };

                /**
                 * Encodes the specified ImageStateRequest message. Does not implicitly {@link fieldchain.device.v1.ImageStateRequest.verify|verify} messages.
                 * @function encode
                 * @memberof fieldchain.device.v1.ImageStateRequest
                 * @static
                 * @param {fieldchain.device.v1.ImageStateRequest.$Properties} message ImageStateRequest message or plain object to encode
                 * @param {$protobuf.Writer} [writer] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                ImageStateRequest.encode = function (message, writer, _depth) {
                    if (!writer)
                        writer = $Writer.create();
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (message.action != null && $Object.hasOwnProperty.call(message, "action") && message.action !== 0)
                        writer.uint32(/* id 1, wireType 0 =*/8).int32(message.action);
                    if (message.hash != null && $Object.hasOwnProperty.call(message, "hash") && message.hash.length)
                        writer.uint32(/* id 2, wireType 2 =*/18).bytes(message.hash);
                    if (message.allowDowngrade != null && $Object.hasOwnProperty.call(message, "allowDowngrade") && message.allowDowngrade !== false)
                        writer.uint32(/* id 3, wireType 0 =*/24).bool(message.allowDowngrade);
                    if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                        for (let i = 0; i < message.$unknowns.length; ++i)
                            writer.raw(message.$unknowns[i]);
                    return writer;
                };

                /**
                 * Decodes an ImageStateRequest message from the specified reader or buffer.
                 * @function decode
                 * @memberof fieldchain.device.v1.ImageStateRequest
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                 * @param {number} [length] Message length if known beforehand
                 * @returns {fieldchain.device.v1.ImageStateRequest & fieldchain.device.v1.ImageStateRequest.$Shape} ImageStateRequest
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                ImageStateRequest.decode = function (reader, length, _end, _depth, _target) {
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
                    message = _target || new $root.fieldchain.device.v1.ImageStateRequest();
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
                                if (wireType !== 0)
                                    break;
                                if (value = reader.int32())
                                    message.action = value;
                                else
                                    delete message.action;
                                continue;
                            }
                        case 2: {
                                if (wireType !== 2)
                                    break;
                                if ((value = reader.bytes()).length)
                                    message.hash = value;
                                else
                                    delete message.hash;
                                continue;
                            }
                        case 3: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.bool())
                                    message.allowDowngrade = value;
                                else
                                    delete message.allowDowngrade;
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
                 * Creates an ImageStateRequest message from a plain object. Also converts values to their respective internal types.
                 * @function fromObject
                 * @memberof fieldchain.device.v1.ImageStateRequest
                 * @static
                 * @param {Object.<string,*>} object Plain object
                 * @returns {fieldchain.device.v1.ImageStateRequest} ImageStateRequest
                 */
                ImageStateRequest.fromObject = function (object, _depth) {
                    if (object instanceof $root.fieldchain.device.v1.ImageStateRequest)
                        return object;
                    if (!$util.isObject(object))
                        throw $TypeError(".fieldchain.device.v1.ImageStateRequest: object expected");
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let message = new $root.fieldchain.device.v1.ImageStateRequest();
                    if (object.action !== 0 && (typeof object.action !== "string" || $root.fieldchain.device.v1.ImageStateRequest.Action[object.action] !== 0))
                        switch (object.action) {
                        case "ACTION_READ":
                        case 0:
                            message.action = 0;
                            break;
                        case "ACTION_TEST":
                        case 1:
                            message.action = 1;
                            break;
                        case "ACTION_CONFIRM":
                        case 2:
                            message.action = 2;
                            break;
                        default:
                            if (typeof object.action === "number" && (object.action | 0) === object.action)
                                message.action = object.action;
                        }
                    if (object.hash != null)
                        if (object.hash.length)
                            if (typeof object.hash === "string")
                                $util.base64.decode(object.hash, message.hash = $util.newBuffer($util.base64.length(object.hash)), 0);
                            else if (object.hash.length >= 0)
                                message.hash = object.hash;
                    if (object.allowDowngrade != null)
                        if (object.allowDowngrade)
                            message.allowDowngrade = $Boolean(object.allowDowngrade);
                    return message;
                };

                /**
                 * Creates a plain object from an ImageStateRequest message. Also converts values to other types if specified.
                 * @function toObject
                 * @memberof fieldchain.device.v1.ImageStateRequest
                 * @static
                 * @param {fieldchain.device.v1.ImageStateRequest} message ImageStateRequest
                 * @param {$protobuf.IConversionOptions} [options] Conversion options
                 * @returns {Object.<string,*>} Plain object
                 */
                ImageStateRequest.toObject = function (message, options, _depth) {
                    if (!options)
                        options = {};
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let object = {};
                    if (options.defaults) {
                        object.action = options.enums === $String ? "ACTION_READ" : 0;
                        if (options.bytes === $String)
                            object.hash = "";
                        else {
                            object.hash = [];
                            if (options.bytes !== $Array)
                                object.hash = $util.newBuffer(object.hash);
                        }
                        object.allowDowngrade = false;
                    }
                    if (message.action != null && $Object.hasOwnProperty.call(message, "action"))
                        object.action = options.enums === $String ? $root.fieldchain.device.v1.ImageStateRequest.Action[message.action] === $undefined ? message.action : $root.fieldchain.device.v1.ImageStateRequest.Action[message.action] : message.action;
                    if (message.hash != null && $Object.hasOwnProperty.call(message, "hash"))
                        object.hash = options.bytes === $String ? $util.base64.encode(message.hash, 0, message.hash.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.hash) : message.hash;
                    if (message.allowDowngrade != null && $Object.hasOwnProperty.call(message, "allowDowngrade"))
                        object.allowDowngrade = message.allowDowngrade;
                    return object;
                };

                /**
                 * Converts this ImageStateRequest to JSON.
                 * @function toJSON
                 * @memberof fieldchain.device.v1.ImageStateRequest
                 * @instance
                 * @returns {Object.<string,*>} JSON object
                 */
                ImageStateRequest.prototype.toJSON = function() {
                    return ImageStateRequest.toObject(this, $protobuf.util.toJSONOptions);
                };

                /**
                 * Gets the type url for ImageStateRequest
                 * @function getTypeUrl
                 * @memberof fieldchain.device.v1.ImageStateRequest
                 * @static
                 * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
                 * @returns {string} The type url
                 */
                ImageStateRequest.getTypeUrl = function(prefix) {
                    if (prefix === $undefined)
                        prefix = "type.googleapis.com";
                    return prefix + "/fieldchain.device.v1.ImageStateRequest";
                };

                /**
                 * Action enum.
                 * @name fieldchain.device.v1.ImageStateRequest.Action
                 * @enum {number}
                 * @property {number} ACTION_READ=0 ACTION_READ value
                 * @property {number} ACTION_TEST=1 ACTION_TEST value
                 * @property {number} ACTION_CONFIRM=2 ACTION_CONFIRM value
                 */
                ImageStateRequest.Action = (function() {
                    const valuesById = $Object.create(null), values = $Object.create(valuesById);
                    values[valuesById[0] = "ACTION_READ"] = 0;
                    values[valuesById[1] = "ACTION_TEST"] = 1;
                    values[valuesById[2] = "ACTION_CONFIRM"] = 2;
                    return values;
                })();

                return ImageStateRequest;
            })();

            /**
             * SelfTest enum.
             * @name fieldchain.device.v1.SelfTest
             * @enum {number}
             * @property {number} SELF_TEST_UNSPECIFIED=0 SELF_TEST_UNSPECIFIED value
             * @property {number} SELF_TEST_RUNNING=1 SELF_TEST_RUNNING value
             * @property {number} SELF_TEST_PASSED=2 SELF_TEST_PASSED value
             * @property {number} SELF_TEST_FAILED=3 SELF_TEST_FAILED value
             */
            v1.SelfTest = (function() {
                const valuesById = $Object.create(null), values = $Object.create(valuesById);
                values[valuesById[0] = "SELF_TEST_UNSPECIFIED"] = 0;
                values[valuesById[1] = "SELF_TEST_RUNNING"] = 1;
                values[valuesById[2] = "SELF_TEST_PASSED"] = 2;
                values[valuesById[3] = "SELF_TEST_FAILED"] = 3;
                return values;
            })();

            v1.ImageSlot = (function() {

                /**
                 * Properties of an ImageSlot.
                 * @typedef {Object} fieldchain.device.v1.ImageSlot.$Properties
                 * @property {number|null} [slot] ImageSlot slot
                 * @property {string|null} [version] ImageSlot version
                 * @property {Uint8Array|null} [hash] ImageSlot hash
                 * @property {string|null} [hardware] ImageSlot hardware
                 * @property {boolean|null} [pending] ImageSlot pending
                 * @property {boolean|null} [confirmed] ImageSlot confirmed
                 * @property {boolean|null} [active] ImageSlot active
                 * @property {number|null} [size] ImageSlot size
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */

                /**
                 * Properties of an ImageSlot.
                 * @memberof fieldchain.device.v1
                 * @interface IImageSlot
                 * @augments fieldchain.device.v1.ImageSlot.$Properties
                 * @deprecated Use fieldchain.device.v1.ImageSlot.$Properties instead.
                 */

                /**
                 * Shape of an ImageSlot.
                 * @typedef {fieldchain.device.v1.ImageSlot.$Properties} fieldchain.device.v1.ImageSlot.$Shape
                 */

                /**
                 * Constructs a new ImageSlot.
                 * @memberof fieldchain.device.v1
                 * @classdesc Represents an ImageSlot.
                 * @constructor
                 * @param {fieldchain.device.v1.ImageSlot.$Properties=} [properties] Properties to set
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */
                const ImageSlot = function (properties) {
                    if (properties)
                        for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                /**
                 * ImageSlot slot.
                 * @member {number} slot
                 * @memberof fieldchain.device.v1.ImageSlot
                 * @instance
                 */
                ImageSlot.prototype.slot = 0;

                /**
                 * ImageSlot version.
                 * @member {string} version
                 * @memberof fieldchain.device.v1.ImageSlot
                 * @instance
                 */
                ImageSlot.prototype.version = "";

                /**
                 * ImageSlot hash.
                 * @member {Uint8Array} hash
                 * @memberof fieldchain.device.v1.ImageSlot
                 * @instance
                 */
                ImageSlot.prototype.hash = $util.newBuffer([]);

                /**
                 * ImageSlot hardware.
                 * @member {string} hardware
                 * @memberof fieldchain.device.v1.ImageSlot
                 * @instance
                 */
                ImageSlot.prototype.hardware = "";

                /**
                 * ImageSlot pending.
                 * @member {boolean} pending
                 * @memberof fieldchain.device.v1.ImageSlot
                 * @instance
                 */
                ImageSlot.prototype.pending = false;

                /**
                 * ImageSlot confirmed.
                 * @member {boolean} confirmed
                 * @memberof fieldchain.device.v1.ImageSlot
                 * @instance
                 */
                ImageSlot.prototype.confirmed = false;

                /**
                 * ImageSlot active.
                 * @member {boolean} active
                 * @memberof fieldchain.device.v1.ImageSlot
                 * @instance
                 */
                ImageSlot.prototype.active = false;

                /**
                 * ImageSlot size.
                 * @member {number} size
                 * @memberof fieldchain.device.v1.ImageSlot
                 * @instance
                 */
                ImageSlot.prototype.size = 0;

                /**
                 * Creates a new ImageSlot instance using the specified properties.
                 * @function create
                 * @memberof fieldchain.device.v1.ImageSlot
                 * @static
                 * @param {fieldchain.device.v1.ImageSlot.$Properties=} [properties] Properties to set
                 * @returns {fieldchain.device.v1.ImageSlot} ImageSlot instance
                 * @type {{
                 *   (properties: fieldchain.device.v1.ImageSlot.$Shape): fieldchain.device.v1.ImageSlot & fieldchain.device.v1.ImageSlot.$Shape;
                 *   (properties?: fieldchain.device.v1.ImageSlot.$Properties): fieldchain.device.v1.ImageSlot;
                 * }}
                 */
                ImageSlot.create = function(properties) {
                    return new ImageSlot(properties);
                };

                /**
                 * Encodes the specified ImageSlot message. Does not implicitly {@link fieldchain.device.v1.ImageSlot.verify|verify} messages.
                 * @function encode
                 * @memberof fieldchain.device.v1.ImageSlot
                 * @static
                 * @param {fieldchain.device.v1.ImageSlot.$Properties} message ImageSlot message or plain object to encode
                 * @param {$protobuf.Writer} [writer] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                ImageSlot.encode = function (message, writer, _depth) {
                    if (!writer)
                        writer = $Writer.create();
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (message.slot != null && $Object.hasOwnProperty.call(message, "slot") && message.slot !== 0)
                        writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.slot);
                    if (message.version != null && $Object.hasOwnProperty.call(message, "version") && message.version !== "")
                        writer.uint32(/* id 2, wireType 2 =*/18).string(message.version);
                    if (message.hash != null && $Object.hasOwnProperty.call(message, "hash") && message.hash.length)
                        writer.uint32(/* id 3, wireType 2 =*/26).bytes(message.hash);
                    if (message.hardware != null && $Object.hasOwnProperty.call(message, "hardware") && message.hardware !== "")
                        writer.uint32(/* id 4, wireType 2 =*/34).string(message.hardware);
                    if (message.pending != null && $Object.hasOwnProperty.call(message, "pending") && message.pending !== false)
                        writer.uint32(/* id 5, wireType 0 =*/40).bool(message.pending);
                    if (message.confirmed != null && $Object.hasOwnProperty.call(message, "confirmed") && message.confirmed !== false)
                        writer.uint32(/* id 6, wireType 0 =*/48).bool(message.confirmed);
                    if (message.active != null && $Object.hasOwnProperty.call(message, "active") && message.active !== false)
                        writer.uint32(/* id 7, wireType 0 =*/56).bool(message.active);
                    if (message.size != null && $Object.hasOwnProperty.call(message, "size") && message.size !== 0)
                        writer.uint32(/* id 8, wireType 0 =*/64).uint32(message.size);
                    if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                        for (let i = 0; i < message.$unknowns.length; ++i)
                            writer.raw(message.$unknowns[i]);
                    return writer;
                };

                /**
                 * Decodes an ImageSlot message from the specified reader or buffer.
                 * @function decode
                 * @memberof fieldchain.device.v1.ImageSlot
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                 * @param {number} [length] Message length if known beforehand
                 * @returns {fieldchain.device.v1.ImageSlot & fieldchain.device.v1.ImageSlot.$Shape} ImageSlot
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                ImageSlot.decode = function (reader, length, _end, _depth, _target) {
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
                    message = _target || new $root.fieldchain.device.v1.ImageSlot();
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
                                if (wireType !== 0)
                                    break;
                                if (value = reader.uint32())
                                    message.slot = value;
                                else
                                    delete message.slot;
                                continue;
                            }
                        case 2: {
                                if (wireType !== 2)
                                    break;
                                if ((value = reader.stringVerify()).length)
                                    message.version = value;
                                else
                                    delete message.version;
                                continue;
                            }
                        case 3: {
                                if (wireType !== 2)
                                    break;
                                if ((value = reader.bytes()).length)
                                    message.hash = value;
                                else
                                    delete message.hash;
                                continue;
                            }
                        case 4: {
                                if (wireType !== 2)
                                    break;
                                if ((value = reader.stringVerify()).length)
                                    message.hardware = value;
                                else
                                    delete message.hardware;
                                continue;
                            }
                        case 5: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.bool())
                                    message.pending = value;
                                else
                                    delete message.pending;
                                continue;
                            }
                        case 6: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.bool())
                                    message.confirmed = value;
                                else
                                    delete message.confirmed;
                                continue;
                            }
                        case 7: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.bool())
                                    message.active = value;
                                else
                                    delete message.active;
                                continue;
                            }
                        case 8: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.uint32())
                                    message.size = value;
                                else
                                    delete message.size;
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
                 * Creates an ImageSlot message from a plain object. Also converts values to their respective internal types.
                 * @function fromObject
                 * @memberof fieldchain.device.v1.ImageSlot
                 * @static
                 * @param {Object.<string,*>} object Plain object
                 * @returns {fieldchain.device.v1.ImageSlot} ImageSlot
                 */
                ImageSlot.fromObject = function (object, _depth) {
                    if (object instanceof $root.fieldchain.device.v1.ImageSlot)
                        return object;
                    if (!$util.isObject(object))
                        throw $TypeError(".fieldchain.device.v1.ImageSlot: object expected");
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let message = new $root.fieldchain.device.v1.ImageSlot();
                    if (object.slot != null)
                        if ($Number(object.slot) !== 0)
                            message.slot = object.slot >>> 0;
                    if (object.version != null)
                        if (typeof object.version !== "string" || object.version.length)
                            message.version = $String(object.version);
                    if (object.hash != null)
                        if (object.hash.length)
                            if (typeof object.hash === "string")
                                $util.base64.decode(object.hash, message.hash = $util.newBuffer($util.base64.length(object.hash)), 0);
                            else if (object.hash.length >= 0)
                                message.hash = object.hash;
                    if (object.hardware != null)
                        if (typeof object.hardware !== "string" || object.hardware.length)
                            message.hardware = $String(object.hardware);
                    if (object.pending != null)
                        if (object.pending)
                            message.pending = $Boolean(object.pending);
                    if (object.confirmed != null)
                        if (object.confirmed)
                            message.confirmed = $Boolean(object.confirmed);
                    if (object.active != null)
                        if (object.active)
                            message.active = $Boolean(object.active);
                    if (object.size != null)
                        if ($Number(object.size) !== 0)
                            message.size = object.size >>> 0;
                    return message;
                };

                /**
                 * Creates a plain object from an ImageSlot message. Also converts values to other types if specified.
                 * @function toObject
                 * @memberof fieldchain.device.v1.ImageSlot
                 * @static
                 * @param {fieldchain.device.v1.ImageSlot} message ImageSlot
                 * @param {$protobuf.IConversionOptions} [options] Conversion options
                 * @returns {Object.<string,*>} Plain object
                 */
                ImageSlot.toObject = function (message, options, _depth) {
                    if (!options)
                        options = {};
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let object = {};
                    if (options.defaults) {
                        object.slot = 0;
                        object.version = "";
                        if (options.bytes === $String)
                            object.hash = "";
                        else {
                            object.hash = [];
                            if (options.bytes !== $Array)
                                object.hash = $util.newBuffer(object.hash);
                        }
                        object.hardware = "";
                        object.pending = false;
                        object.confirmed = false;
                        object.active = false;
                        object.size = 0;
                    }
                    if (message.slot != null && $Object.hasOwnProperty.call(message, "slot"))
                        object.slot = message.slot;
                    if (message.version != null && $Object.hasOwnProperty.call(message, "version"))
                        object.version = message.version;
                    if (message.hash != null && $Object.hasOwnProperty.call(message, "hash"))
                        object.hash = options.bytes === $String ? $util.base64.encode(message.hash, 0, message.hash.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.hash) : message.hash;
                    if (message.hardware != null && $Object.hasOwnProperty.call(message, "hardware"))
                        object.hardware = message.hardware;
                    if (message.pending != null && $Object.hasOwnProperty.call(message, "pending"))
                        object.pending = message.pending;
                    if (message.confirmed != null && $Object.hasOwnProperty.call(message, "confirmed"))
                        object.confirmed = message.confirmed;
                    if (message.active != null && $Object.hasOwnProperty.call(message, "active"))
                        object.active = message.active;
                    if (message.size != null && $Object.hasOwnProperty.call(message, "size"))
                        object.size = message.size;
                    return object;
                };

                /**
                 * Converts this ImageSlot to JSON.
                 * @function toJSON
                 * @memberof fieldchain.device.v1.ImageSlot
                 * @instance
                 * @returns {Object.<string,*>} JSON object
                 */
                ImageSlot.prototype.toJSON = function() {
                    return ImageSlot.toObject(this, $protobuf.util.toJSONOptions);
                };

                /**
                 * Gets the type url for ImageSlot
                 * @function getTypeUrl
                 * @memberof fieldchain.device.v1.ImageSlot
                 * @static
                 * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
                 * @returns {string} The type url
                 */
                ImageSlot.getTypeUrl = function(prefix) {
                    if (prefix === $undefined)
                        prefix = "type.googleapis.com";
                    return prefix + "/fieldchain.device.v1.ImageSlot";
                };

                return ImageSlot;
            })();

            v1.ImageState = (function() {

                /**
                 * Properties of an ImageState.
                 * @typedef {Object} fieldchain.device.v1.ImageState.$Properties
                 * @property {number|null} [requestSeq] ImageState requestSeq
                 * @property {fieldchain.device.v1.ImageStatus|null} [status] ImageState status
                 * @property {string|null} [message] ImageState message
                 * @property {Array.<fieldchain.device.v1.ImageSlot.$Properties>|null} [slots] ImageState slots
                 * @property {fieldchain.device.v1.SelfTest|null} [selfTest] ImageState selfTest
                 * @property {boolean|null} [rolledBack] ImageState rolledBack
                 * @property {Uint8Array|null} [uploadSha256] ImageState uploadSha256
                 * @property {number|null} [uploadOffset] ImageState uploadOffset
                 * @property {number|null} [uploadLength] ImageState uploadLength
                 * @property {Array.<Uint8Array>|null} [trustedKeyHashes] ImageState trustedKeyHashes
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */

                /**
                 * Properties of an ImageState.
                 * @memberof fieldchain.device.v1
                 * @interface IImageState
                 * @augments fieldchain.device.v1.ImageState.$Properties
                 * @deprecated Use fieldchain.device.v1.ImageState.$Properties instead.
                 */

                /**
                 * Shape of an ImageState.
                 * @typedef {fieldchain.device.v1.ImageState.$Properties} fieldchain.device.v1.ImageState.$Shape
                 */

                /**
                 * Constructs a new ImageState.
                 * @memberof fieldchain.device.v1
                 * @classdesc Represents an ImageState.
                 * @constructor
                 * @param {fieldchain.device.v1.ImageState.$Properties=} [properties] Properties to set
                 * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
                 */
                const ImageState = function (properties) {
                    this.slots = [];
                    this.trustedKeyHashes = [];
                    if (properties)
                        for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                            if (properties[keys[i]] != null && keys[i] !== "__proto__")
                                this[keys[i]] = properties[keys[i]];
                };

                /**
                 * ImageState requestSeq.
                 * @member {number} requestSeq
                 * @memberof fieldchain.device.v1.ImageState
                 * @instance
                 */
                ImageState.prototype.requestSeq = 0;

                /**
                 * ImageState status.
                 * @member {fieldchain.device.v1.ImageStatus} status
                 * @memberof fieldchain.device.v1.ImageState
                 * @instance
                 */
                ImageState.prototype.status = 0;

                /**
                 * ImageState message.
                 * @member {string} message
                 * @memberof fieldchain.device.v1.ImageState
                 * @instance
                 */
                ImageState.prototype.message = "";

                /**
                 * ImageState slots.
                 * @member {Array.<fieldchain.device.v1.ImageSlot.$Properties>} slots
                 * @memberof fieldchain.device.v1.ImageState
                 * @instance
                 */
                ImageState.prototype.slots = $util.emptyArray;

                /**
                 * ImageState selfTest.
                 * @member {fieldchain.device.v1.SelfTest} selfTest
                 * @memberof fieldchain.device.v1.ImageState
                 * @instance
                 */
                ImageState.prototype.selfTest = 0;

                /**
                 * ImageState rolledBack.
                 * @member {boolean} rolledBack
                 * @memberof fieldchain.device.v1.ImageState
                 * @instance
                 */
                ImageState.prototype.rolledBack = false;

                /**
                 * ImageState uploadSha256.
                 * @member {Uint8Array} uploadSha256
                 * @memberof fieldchain.device.v1.ImageState
                 * @instance
                 */
                ImageState.prototype.uploadSha256 = $util.newBuffer([]);

                /**
                 * ImageState uploadOffset.
                 * @member {number} uploadOffset
                 * @memberof fieldchain.device.v1.ImageState
                 * @instance
                 */
                ImageState.prototype.uploadOffset = 0;

                /**
                 * ImageState uploadLength.
                 * @member {number} uploadLength
                 * @memberof fieldchain.device.v1.ImageState
                 * @instance
                 */
                ImageState.prototype.uploadLength = 0;

                /**
                 * ImageState trustedKeyHashes.
                 * @member {Array.<Uint8Array>} trustedKeyHashes
                 * @memberof fieldchain.device.v1.ImageState
                 * @instance
                 */
                ImageState.prototype.trustedKeyHashes = $util.emptyArray;

                /**
                 * Creates a new ImageState instance using the specified properties.
                 * @function create
                 * @memberof fieldchain.device.v1.ImageState
                 * @static
                 * @param {fieldchain.device.v1.ImageState.$Properties=} [properties] Properties to set
                 * @returns {fieldchain.device.v1.ImageState} ImageState instance
                 * @type {{
                 *   (properties: fieldchain.device.v1.ImageState.$Shape): fieldchain.device.v1.ImageState & fieldchain.device.v1.ImageState.$Shape;
                 *   (properties?: fieldchain.device.v1.ImageState.$Properties): fieldchain.device.v1.ImageState;
                 * }}
                 */
                ImageState.create = function(properties) {
                    return new ImageState(properties);
                };

                /**
                 * Encodes the specified ImageState message. Does not implicitly {@link fieldchain.device.v1.ImageState.verify|verify} messages.
                 * @function encode
                 * @memberof fieldchain.device.v1.ImageState
                 * @static
                 * @param {fieldchain.device.v1.ImageState.$Properties} message ImageState message or plain object to encode
                 * @param {$protobuf.Writer} [writer] Writer to encode to
                 * @returns {$protobuf.Writer} Writer
                 */
                ImageState.encode = function (message, writer, _depth) {
                    if (!writer)
                        writer = $Writer.create();
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    if (message.requestSeq != null && $Object.hasOwnProperty.call(message, "requestSeq") && message.requestSeq !== 0)
                        writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.requestSeq);
                    if (message.status != null && $Object.hasOwnProperty.call(message, "status") && message.status !== 0)
                        writer.uint32(/* id 2, wireType 0 =*/16).int32(message.status);
                    if (message.message != null && $Object.hasOwnProperty.call(message, "message") && message.message !== "")
                        writer.uint32(/* id 3, wireType 2 =*/26).string(message.message);
                    if (message.slots != null && message.slots.length)
                        for (let i = 0; i < message.slots.length; ++i)
                            $root.fieldchain.device.v1.ImageSlot.encode(message.slots[i], writer.uint32(/* id 4, wireType 2 =*/34).fork(), _depth + 1).ldelim();
                    if (message.selfTest != null && $Object.hasOwnProperty.call(message, "selfTest") && message.selfTest !== 0)
                        writer.uint32(/* id 5, wireType 0 =*/40).int32(message.selfTest);
                    if (message.rolledBack != null && $Object.hasOwnProperty.call(message, "rolledBack") && message.rolledBack !== false)
                        writer.uint32(/* id 6, wireType 0 =*/48).bool(message.rolledBack);
                    if (message.uploadSha256 != null && $Object.hasOwnProperty.call(message, "uploadSha256") && message.uploadSha256.length)
                        writer.uint32(/* id 7, wireType 2 =*/58).bytes(message.uploadSha256);
                    if (message.uploadOffset != null && $Object.hasOwnProperty.call(message, "uploadOffset") && message.uploadOffset !== 0)
                        writer.uint32(/* id 8, wireType 0 =*/64).uint32(message.uploadOffset);
                    if (message.uploadLength != null && $Object.hasOwnProperty.call(message, "uploadLength") && message.uploadLength !== 0)
                        writer.uint32(/* id 9, wireType 0 =*/72).uint32(message.uploadLength);
                    if (message.trustedKeyHashes != null && message.trustedKeyHashes.length)
                        for (let i = 0; i < message.trustedKeyHashes.length; ++i)
                            writer.uint32(/* id 10, wireType 2 =*/82).bytes(message.trustedKeyHashes[i]);
                    if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                        for (let i = 0; i < message.$unknowns.length; ++i)
                            writer.raw(message.$unknowns[i]);
                    return writer;
                };

                /**
                 * Decodes an ImageState message from the specified reader or buffer.
                 * @function decode
                 * @memberof fieldchain.device.v1.ImageState
                 * @static
                 * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
                 * @param {number} [length] Message length if known beforehand
                 * @returns {fieldchain.device.v1.ImageState & fieldchain.device.v1.ImageState.$Shape} ImageState
                 * @throws {Error} If the payload is not a reader or valid buffer
                 * @throws {$protobuf.util.ProtocolError} If required fields are missing
                 */
                ImageState.decode = function (reader, length, _end, _depth, _target) {
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
                    message = _target || new $root.fieldchain.device.v1.ImageState();
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
                                if (wireType !== 0)
                                    break;
                                if (value = reader.uint32())
                                    message.requestSeq = value;
                                else
                                    delete message.requestSeq;
                                continue;
                            }
                        case 2: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.int32())
                                    message.status = value;
                                else
                                    delete message.status;
                                continue;
                            }
                        case 3: {
                                if (wireType !== 2)
                                    break;
                                if ((value = reader.stringVerify()).length)
                                    message.message = value;
                                else
                                    delete message.message;
                                continue;
                            }
                        case 4: {
                                if (wireType !== 2)
                                    break;
                                if (!(message.slots && message.slots.length))
                                    message.slots = [];
                                message.slots.push($root.fieldchain.device.v1.ImageSlot.decode(reader, reader.size(), $undefined, _depth + 1));
                                continue;
                            }
                        case 5: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.int32())
                                    message.selfTest = value;
                                else
                                    delete message.selfTest;
                                continue;
                            }
                        case 6: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.bool())
                                    message.rolledBack = value;
                                else
                                    delete message.rolledBack;
                                continue;
                            }
                        case 7: {
                                if (wireType !== 2)
                                    break;
                                if ((value = reader.bytes()).length)
                                    message.uploadSha256 = value;
                                else
                                    delete message.uploadSha256;
                                continue;
                            }
                        case 8: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.uint32())
                                    message.uploadOffset = value;
                                else
                                    delete message.uploadOffset;
                                continue;
                            }
                        case 9: {
                                if (wireType !== 0)
                                    break;
                                if (value = reader.uint32())
                                    message.uploadLength = value;
                                else
                                    delete message.uploadLength;
                                continue;
                            }
                        case 10: {
                                if (wireType !== 2)
                                    break;
                                if (!(message.trustedKeyHashes && message.trustedKeyHashes.length))
                                    message.trustedKeyHashes = [];
                                message.trustedKeyHashes.push(reader.bytes());
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
                 * Creates an ImageState message from a plain object. Also converts values to their respective internal types.
                 * @function fromObject
                 * @memberof fieldchain.device.v1.ImageState
                 * @static
                 * @param {Object.<string,*>} object Plain object
                 * @returns {fieldchain.device.v1.ImageState} ImageState
                 */
                ImageState.fromObject = function (object, _depth) {
                    if (object instanceof $root.fieldchain.device.v1.ImageState)
                        return object;
                    if (!$util.isObject(object))
                        throw $TypeError(".fieldchain.device.v1.ImageState: object expected");
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let message = new $root.fieldchain.device.v1.ImageState();
                    if (object.requestSeq != null)
                        if ($Number(object.requestSeq) !== 0)
                            message.requestSeq = object.requestSeq >>> 0;
                    if (object.status !== 0 && (typeof object.status !== "string" || $root.fieldchain.device.v1.ImageStatus[object.status] !== 0))
                        switch (object.status) {
                        case "IMAGE_STATUS_UNSPECIFIED":
                        case 0:
                            message.status = 0;
                            break;
                        case "IMAGE_STATUS_OK":
                        case 1:
                            message.status = 1;
                            break;
                        case "IMAGE_STATUS_INVALID_ARGUMENT":
                        case 2:
                            message.status = 2;
                            break;
                        case "IMAGE_STATUS_BAD_IMAGE":
                        case 3:
                            message.status = 3;
                            break;
                        case "IMAGE_STATUS_BAD_SIGNATURE":
                        case 4:
                            message.status = 4;
                            break;
                        case "IMAGE_STATUS_WRONG_HARDWARE":
                        case 5:
                            message.status = 5;
                            break;
                        case "IMAGE_STATUS_DOWNGRADE":
                        case 6:
                            message.status = 6;
                            break;
                        case "IMAGE_STATUS_NO_SPACE":
                        case 7:
                            message.status = 7;
                            break;
                        case "IMAGE_STATUS_BUSY":
                        case 8:
                            message.status = 8;
                            break;
                        case "IMAGE_STATUS_HASH_MISMATCH":
                        case 9:
                            message.status = 9;
                            break;
                        case "IMAGE_STATUS_NOT_FOUND":
                        case 10:
                            message.status = 10;
                            break;
                        default:
                            if (typeof object.status === "number" && (object.status | 0) === object.status)
                                message.status = object.status;
                        }
                    if (object.message != null)
                        if (typeof object.message !== "string" || object.message.length)
                            message.message = $String(object.message);
                    if (object.slots) {
                        if (!$Array.isArray(object.slots))
                            throw $TypeError(".fieldchain.device.v1.ImageState.slots: array expected");
                        message.slots = $Array(object.slots.length);
                        for (let i = 0; i < object.slots.length; ++i) {
                            if (!$util.isObject(object.slots[i]))
                                throw $TypeError(".fieldchain.device.v1.ImageState.slots: object expected");
                            message.slots[i] = $root.fieldchain.device.v1.ImageSlot.fromObject(object.slots[i], _depth + 1);
                        }
                    }
                    if (object.selfTest !== 0 && (typeof object.selfTest !== "string" || $root.fieldchain.device.v1.SelfTest[object.selfTest] !== 0))
                        switch (object.selfTest) {
                        case "SELF_TEST_UNSPECIFIED":
                        case 0:
                            message.selfTest = 0;
                            break;
                        case "SELF_TEST_RUNNING":
                        case 1:
                            message.selfTest = 1;
                            break;
                        case "SELF_TEST_PASSED":
                        case 2:
                            message.selfTest = 2;
                            break;
                        case "SELF_TEST_FAILED":
                        case 3:
                            message.selfTest = 3;
                            break;
                        default:
                            if (typeof object.selfTest === "number" && (object.selfTest | 0) === object.selfTest)
                                message.selfTest = object.selfTest;
                        }
                    if (object.rolledBack != null)
                        if (object.rolledBack)
                            message.rolledBack = $Boolean(object.rolledBack);
                    if (object.uploadSha256 != null)
                        if (object.uploadSha256.length)
                            if (typeof object.uploadSha256 === "string")
                                $util.base64.decode(object.uploadSha256, message.uploadSha256 = $util.newBuffer($util.base64.length(object.uploadSha256)), 0);
                            else if (object.uploadSha256.length >= 0)
                                message.uploadSha256 = object.uploadSha256;
                    if (object.uploadOffset != null)
                        if ($Number(object.uploadOffset) !== 0)
                            message.uploadOffset = object.uploadOffset >>> 0;
                    if (object.uploadLength != null)
                        if ($Number(object.uploadLength) !== 0)
                            message.uploadLength = object.uploadLength >>> 0;
                    if (object.trustedKeyHashes) {
                        if (!$Array.isArray(object.trustedKeyHashes))
                            throw $TypeError(".fieldchain.device.v1.ImageState.trustedKeyHashes: array expected");
                        message.trustedKeyHashes = $Array(object.trustedKeyHashes.length);
                        for (let i = 0; i < object.trustedKeyHashes.length; ++i)
                            if (typeof object.trustedKeyHashes[i] === "string")
                                $util.base64.decode(object.trustedKeyHashes[i], message.trustedKeyHashes[i] = $util.newBuffer($util.base64.length(object.trustedKeyHashes[i])), 0);
                            else if (object.trustedKeyHashes[i].length >= 0)
                                message.trustedKeyHashes[i] = object.trustedKeyHashes[i];
                    }
                    return message;
                };

                /**
                 * Creates a plain object from an ImageState message. Also converts values to other types if specified.
                 * @function toObject
                 * @memberof fieldchain.device.v1.ImageState
                 * @static
                 * @param {fieldchain.device.v1.ImageState} message ImageState
                 * @param {$protobuf.IConversionOptions} [options] Conversion options
                 * @returns {Object.<string,*>} Plain object
                 */
                ImageState.toObject = function (message, options, _depth) {
                    if (!options)
                        options = {};
                    if (_depth === $undefined)
                        _depth = 0;
                    if (_depth > $util.recursionLimit)
                        throw $Error("max depth exceeded");
                    let object = {};
                    if (options.arrays || options.defaults) {
                        object.slots = [];
                        object.trustedKeyHashes = [];
                    }
                    if (options.defaults) {
                        object.requestSeq = 0;
                        object.status = options.enums === $String ? "IMAGE_STATUS_UNSPECIFIED" : 0;
                        object.message = "";
                        object.selfTest = options.enums === $String ? "SELF_TEST_UNSPECIFIED" : 0;
                        object.rolledBack = false;
                        if (options.bytes === $String)
                            object.uploadSha256 = "";
                        else {
                            object.uploadSha256 = [];
                            if (options.bytes !== $Array)
                                object.uploadSha256 = $util.newBuffer(object.uploadSha256);
                        }
                        object.uploadOffset = 0;
                        object.uploadLength = 0;
                    }
                    if (message.requestSeq != null && $Object.hasOwnProperty.call(message, "requestSeq"))
                        object.requestSeq = message.requestSeq;
                    if (message.status != null && $Object.hasOwnProperty.call(message, "status"))
                        object.status = options.enums === $String ? $root.fieldchain.device.v1.ImageStatus[message.status] === $undefined ? message.status : $root.fieldchain.device.v1.ImageStatus[message.status] : message.status;
                    if (message.message != null && $Object.hasOwnProperty.call(message, "message"))
                        object.message = message.message;
                    if (message.slots && message.slots.length) {
                        object.slots = $Array(message.slots.length);
                        for (let j = 0; j < message.slots.length; ++j)
                            object.slots[j] = $root.fieldchain.device.v1.ImageSlot.toObject(message.slots[j], options, _depth + 1);
                    }
                    if (message.selfTest != null && $Object.hasOwnProperty.call(message, "selfTest"))
                        object.selfTest = options.enums === $String ? $root.fieldchain.device.v1.SelfTest[message.selfTest] === $undefined ? message.selfTest : $root.fieldchain.device.v1.SelfTest[message.selfTest] : message.selfTest;
                    if (message.rolledBack != null && $Object.hasOwnProperty.call(message, "rolledBack"))
                        object.rolledBack = message.rolledBack;
                    if (message.uploadSha256 != null && $Object.hasOwnProperty.call(message, "uploadSha256"))
                        object.uploadSha256 = options.bytes === $String ? $util.base64.encode(message.uploadSha256, 0, message.uploadSha256.length) : options.bytes === $Array ? $Array.prototype.slice.call(message.uploadSha256) : message.uploadSha256;
                    if (message.uploadOffset != null && $Object.hasOwnProperty.call(message, "uploadOffset"))
                        object.uploadOffset = message.uploadOffset;
                    if (message.uploadLength != null && $Object.hasOwnProperty.call(message, "uploadLength"))
                        object.uploadLength = message.uploadLength;
                    if (message.trustedKeyHashes && message.trustedKeyHashes.length) {
                        object.trustedKeyHashes = $Array(message.trustedKeyHashes.length);
                        for (let j = 0; j < message.trustedKeyHashes.length; ++j)
                            object.trustedKeyHashes[j] = options.bytes === $String ? $util.base64.encode(message.trustedKeyHashes[j], 0, message.trustedKeyHashes[j].length) : options.bytes === $Array ? $Array.prototype.slice.call(message.trustedKeyHashes[j]) : message.trustedKeyHashes[j];
                    }
                    return object;
                };

                /**
                 * Converts this ImageState to JSON.
                 * @function toJSON
                 * @memberof fieldchain.device.v1.ImageState
                 * @instance
                 * @returns {Object.<string,*>} JSON object
                 */
                ImageState.prototype.toJSON = function() {
                    return ImageState.toObject(this, $protobuf.util.toJSONOptions);
                };

                /**
                 * Gets the type url for ImageState
                 * @function getTypeUrl
                 * @memberof fieldchain.device.v1.ImageState
                 * @static
                 * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
                 * @returns {string} The type url
                 */
                ImageState.getTypeUrl = function(prefix) {
                    if (prefix === $undefined)
                        prefix = "type.googleapis.com";
                    return prefix + "/fieldchain.device.v1.ImageState";
                };

                return ImageState;
            })();

            return v1;
        })();

        return device;
    })();

    return fieldchain;
})();

export {
  $root as default
};
