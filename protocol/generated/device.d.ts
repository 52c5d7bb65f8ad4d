import * as $protobuf from "protobufjs";
import Long = require("long");

export namespace fieldchain {

    namespace device {

        namespace v1 {

            interface IEnvelope extends fieldchain.device.v1.Envelope.$Properties {
            }

            class Envelope {
                constructor(properties?: fieldchain.device.v1.Envelope.$Properties);
                $unknowns?: Uint8Array[];
                seq: number;
                hostHello?: (fieldchain.device.v1.HostHello.$Properties|null);
                hello?: (fieldchain.device.v1.Hello.$Properties|null);
                reading?: (fieldchain.device.v1.Reading.$Properties|null);
                ack?: (fieldchain.device.v1.Ack.$Properties|null);
                command?: (fieldchain.device.v1.Command.$Properties|null);
                commandResult?: (fieldchain.device.v1.CommandResult.$Properties|null);
                event?: (fieldchain.device.v1.Event.$Properties|null);
                heartbeat?: (fieldchain.device.v1.Heartbeat.$Properties|null);
                error?: (fieldchain.device.v1.Error.$Properties|null);
                imageUpload?: (fieldchain.device.v1.ImageUpload.$Properties|null);
                imageUploadResult?: (fieldchain.device.v1.ImageUploadResult.$Properties|null);
                imageStateRequest?: (fieldchain.device.v1.ImageStateRequest.$Properties|null);
                imageState?: (fieldchain.device.v1.ImageState.$Properties|null);
                timeRequest?: (fieldchain.device.v1.TimeRequest.$Properties|null);
                timeSync?: (fieldchain.device.v1.TimeSync.$Properties|null);
                body?: ("hostHello"|"hello"|"reading"|"ack"|"command"|"commandResult"|"event"|"heartbeat"|"error"|"imageUpload"|"imageUploadResult"|"imageStateRequest"|"imageState"|"timeRequest"|"timeSync");
                static create(properties: fieldchain.device.v1.Envelope.$Shape): fieldchain.device.v1.Envelope & fieldchain.device.v1.Envelope.$Shape;
                static create(properties?: fieldchain.device.v1.Envelope.$Properties): fieldchain.device.v1.Envelope;
                static encode(message: fieldchain.device.v1.Envelope.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): fieldchain.device.v1.Envelope & fieldchain.device.v1.Envelope.$Shape;
                static fromObject(object: { [k: string]: any }): fieldchain.device.v1.Envelope;
                static toObject(message: fieldchain.device.v1.Envelope, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
                static getTypeUrl(prefix?: string): string;
            }

            namespace Envelope {
                interface $Properties {
                    seq?: (number|null);
                    hostHello?: (fieldchain.device.v1.HostHello.$Properties|null);
                    hello?: (fieldchain.device.v1.Hello.$Properties|null);
                    reading?: (fieldchain.device.v1.Reading.$Properties|null);
                    ack?: (fieldchain.device.v1.Ack.$Properties|null);
                    command?: (fieldchain.device.v1.Command.$Properties|null);
                    commandResult?: (fieldchain.device.v1.CommandResult.$Properties|null);
                    event?: (fieldchain.device.v1.Event.$Properties|null);
                    heartbeat?: (fieldchain.device.v1.Heartbeat.$Properties|null);
                    error?: (fieldchain.device.v1.Error.$Properties|null);
                    imageUpload?: (fieldchain.device.v1.ImageUpload.$Properties|null);
                    imageUploadResult?: (fieldchain.device.v1.ImageUploadResult.$Properties|null);
                    imageStateRequest?: (fieldchain.device.v1.ImageStateRequest.$Properties|null);
                    imageState?: (fieldchain.device.v1.ImageState.$Properties|null);
                    timeRequest?: (fieldchain.device.v1.TimeRequest.$Properties|null);
                    timeSync?: (fieldchain.device.v1.TimeSync.$Properties|null);
                    body?: ("hostHello"|"hello"|"reading"|"ack"|"command"|"commandResult"|"event"|"heartbeat"|"error"|"imageUpload"|"imageUploadResult"|"imageStateRequest"|"imageState"|"timeRequest"|"timeSync");
                    $unknowns?: Uint8Array[];
                }
                type $Shape = {
                  seq?: number|null;
                  hostHello?: fieldchain.device.v1.HostHello.$Shape|null;
                  hello?: fieldchain.device.v1.Hello.$Shape|null;
                  reading?: fieldchain.device.v1.Reading.$Shape|null;
                  ack?: fieldchain.device.v1.Ack.$Shape|null;
                  command?: fieldchain.device.v1.Command.$Shape|null;
                  commandResult?: fieldchain.device.v1.CommandResult.$Shape|null;
                  event?: fieldchain.device.v1.Event.$Shape|null;
                  heartbeat?: fieldchain.device.v1.Heartbeat.$Shape|null;
                  error?: fieldchain.device.v1.Error.$Shape|null;
                  imageUpload?: fieldchain.device.v1.ImageUpload.$Shape|null;
                  imageUploadResult?: fieldchain.device.v1.ImageUploadResult.$Shape|null;
                  imageStateRequest?: fieldchain.device.v1.ImageStateRequest.$Shape|null;
                  imageState?: fieldchain.device.v1.ImageState.$Shape|null;
                  timeRequest?: fieldchain.device.v1.TimeRequest.$Shape|null;
                  timeSync?: fieldchain.device.v1.TimeSync.$Shape|null;
                  $unknowns?: Uint8Array[];
                } & (
                  ({ body?: undefined; hostHello?: null; hello?: null; reading?: null; ack?: null; command?: null; commandResult?: null; event?: null; heartbeat?: null; error?: null; imageUpload?: null; imageUploadResult?: null; imageStateRequest?: null; imageState?: null; timeRequest?: null; timeSync?: null }|{ body?: "hostHello"; hostHello: fieldchain.device.v1.HostHello.$Shape; hello?: null; reading?: null; ack?: null; command?: null; commandResult?: null; event?: null; heartbeat?: null; error?: null; imageUpload?: null; imageUploadResult?: null; imageStateRequest?: null; imageState?: null; timeRequest?: null; timeSync?: null }|{ body?: "hello"; hostHello?: null; hello: fieldchain.device.v1.Hello.$Shape; reading?: null; ack?: null; command?: null; commandResult?: null; event?: null; heartbeat?: null; error?: null; imageUpload?: null; imageUploadResult?: null; imageStateRequest?: null; imageState?: null; timeRequest?: null; timeSync?: null }|{ body?: "reading"; hostHello?: null; hello?: null; reading: fieldchain.device.v1.Reading.$Shape; ack?: null; command?: null; commandResult?: null; event?: null; heartbeat?: null; error?: null; imageUpload?: null; imageUploadResult?: null; imageStateRequest?: null; imageState?: null; timeRequest?: null; timeSync?: null }|{ body?: "ack"; hostHello?: null; hello?: null; reading?: null; ack: fieldchain.device.v1.Ack.$Shape; command?: null; commandResult?: null; event?: null; heartbeat?: null; error?: null; imageUpload?: null; imageUploadResult?: null; imageStateRequest?: null; imageState?: null; timeRequest?: null; timeSync?: null }|{ body?: "command"; hostHello?: null; hello?: null; reading?: null; ack?: null; command: fieldchain.device.v1.Command.$Shape; commandResult?: null; event?: null; heartbeat?: null; error?: null; imageUpload?: null; imageUploadResult?: null; imageStateRequest?: null; imageState?: null; timeRequest?: null; timeSync?: null }|{ body?: "commandResult"; hostHello?: null; hello?: null; reading?: null; ack?: null; command?: null; commandResult: fieldchain.device.v1.CommandResult.$Shape; event?: null; heartbeat?: null; error?: null; imageUpload?: null; imageUploadResult?: null; imageStateRequest?: null; imageState?: null; timeRequest?: null; timeSync?: null }|{ body?: "event"; hostHello?: null; hello?: null; reading?: null; ack?: null; command?: null; commandResult?: null; event: fieldchain.device.v1.Event.$Shape; heartbeat?: null; error?: null; imageUpload?: null; imageUploadResult?: null; imageStateRequest?: null; imageState?: null; timeRequest?: null; timeSync?: null }|{ body?: "heartbeat"; hostHello?: null; hello?: null; reading?: null; ack?: null; command?: null; commandResult?: null; event?: null; heartbeat: fieldchain.device.v1.Heartbeat.$Shape; error?: null; imageUpload?: null; imageUploadResult?: null; imageStateRequest?: null; imageState?: null; timeRequest?: null; timeSync?: null }|{ body?: "error"; hostHello?: null; hello?: null; reading?: null; ack?: null; command?: null; commandResult?: null; event?: null; heartbeat?: null; error: fieldchain.device.v1.Error.$Shape; imageUpload?: null; imageUploadResult?: null; imageStateRequest?: null; imageState?: null; timeRequest?: null; timeSync?: null }|{ body?: "imageUpload"; hostHello?: null; hello?: null; reading?: null; ack?: null; command?: null; commandResult?: null; event?: null; heartbeat?: null; error?: null; imageUpload: fieldchain.device.v1.ImageUpload.$Shape; imageUploadResult?: null; imageStateRequest?: null; imageState?: null; timeRequest?: null; timeSync?: null }|{ body?: "imageUploadResult"; hostHello?: null; hello?: null; reading?: null; ack?: null; command?: null; commandResult?: null; event?: null; heartbeat?: null; error?: null; imageUpload?: null; imageUploadResult: fieldchain.device.v1.ImageUploadResult.$Shape; imageStateRequest?: null; imageState?: null; timeRequest?: null; timeSync?: null }|{ body?: "imageStateRequest"; hostHello?: null; hello?: null; reading?: null; ack?: null; command?: null; commandResult?: null; event?: null; heartbeat?: null; error?: null; imageUpload?: null; imageUploadResult?: null; imageStateRequest: fieldchain.device.v1.ImageStateRequest.$Shape; imageState?: null; timeRequest?: null; timeSync?: null }|{ body?: "imageState"; hostHello?: null; hello?: null; reading?: null; ack?: null; command?: null; commandResult?: null; event?: null; heartbeat?: null; error?: null; imageUpload?: null; imageUploadResult?: null; imageStateRequest?: null; imageState: fieldchain.device.v1.ImageState.$Shape; timeRequest?: null; timeSync?: null }|{ body?: "timeRequest"; hostHello?: null; hello?: null; reading?: null; ack?: null; command?: null; commandResult?: null; event?: null; heartbeat?: null; error?: null; imageUpload?: null; imageUploadResult?: null; imageStateRequest?: null; imageState?: null; timeRequest: fieldchain.device.v1.TimeRequest.$Shape; timeSync?: null }|{ body?: "timeSync"; hostHello?: null; hello?: null; reading?: null; ack?: null; command?: null; commandResult?: null; event?: null; heartbeat?: null; error?: null; imageUpload?: null; imageUploadResult?: null; imageStateRequest?: null; imageState?: null; timeRequest?: null; timeSync: fieldchain.device.v1.TimeSync.$Shape })
                );
            }

            interface IHostHello extends fieldchain.device.v1.HostHello.$Properties {
            }

            class HostHello {
                constructor(properties?: fieldchain.device.v1.HostHello.$Properties);
                $unknowns?: Uint8Array[];
                gatewayId: string;
                protocolMajor: number;
                protocolMinor: number;
                maxPayload: number;
                hostTimeUs: number;
                maintenance: boolean;
                hostTimeQuality: fieldchain.device.v1.TimeQuality;
                static create(properties: fieldchain.device.v1.HostHello.$Shape): fieldchain.device.v1.HostHello & fieldchain.device.v1.HostHello.$Shape;
                static create(properties?: fieldchain.device.v1.HostHello.$Properties): fieldchain.device.v1.HostHello;
                static encode(message: fieldchain.device.v1.HostHello.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): fieldchain.device.v1.HostHello & fieldchain.device.v1.HostHello.$Shape;
                static fromObject(object: { [k: string]: any }): fieldchain.device.v1.HostHello;
                static toObject(message: fieldchain.device.v1.HostHello, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
                static getTypeUrl(prefix?: string): string;
            }

            namespace HostHello {
                interface $Properties {
                    gatewayId?: (string|null);
                    protocolMajor?: (number|null);
                    protocolMinor?: (number|null);
                    maxPayload?: (number|null);
                    hostTimeUs?: (number|null);
                    maintenance?: (boolean|null);
                    hostTimeQuality?: (fieldchain.device.v1.TimeQuality|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = fieldchain.device.v1.HostHello.$Properties;
            }

            enum TimeQuality {
                TIME_QUALITY_UNSPECIFIED = 0,
                TIME_QUALITY_UNSYNCHRONISED = 1,
                TIME_QUALITY_SYNCHRONISED = 2,
                TIME_QUALITY_TRUSTED_SOURCE = 3
            }

            interface ITimeRequest extends fieldchain.device.v1.TimeRequest.$Properties {
            }

            class TimeRequest {
                constructor(properties?: fieldchain.device.v1.TimeRequest.$Properties);
                $unknowns?: Uint8Array[];
                deviceTimeUs: number;
                static create(properties: fieldchain.device.v1.TimeRequest.$Shape): fieldchain.device.v1.TimeRequest & fieldchain.device.v1.TimeRequest.$Shape;
                static create(properties?: fieldchain.device.v1.TimeRequest.$Properties): fieldchain.device.v1.TimeRequest;
                static encode(message: fieldchain.device.v1.TimeRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): fieldchain.device.v1.TimeRequest & fieldchain.device.v1.TimeRequest.$Shape;
                static fromObject(object: { [k: string]: any }): fieldchain.device.v1.TimeRequest;
                static toObject(message: fieldchain.device.v1.TimeRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
                static getTypeUrl(prefix?: string): string;
            }

            namespace TimeRequest {
                interface $Properties {
                    deviceTimeUs?: (number|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = fieldchain.device.v1.TimeRequest.$Properties;
            }

            interface ITimeSync extends fieldchain.device.v1.TimeSync.$Properties {
            }

            class TimeSync {
                constructor(properties?: fieldchain.device.v1.TimeSync.$Properties);
                $unknowns?: Uint8Array[];
                timeUs: number;
                quality: fieldchain.device.v1.TimeQuality;
                requestSeq: number;
                requestDeviceTimeUs: number;
                source: string;
                uncertaintyMs: number;
                static create(properties: fieldchain.device.v1.TimeSync.$Shape): fieldchain.device.v1.TimeSync & fieldchain.device.v1.TimeSync.$Shape;
                static create(properties?: fieldchain.device.v1.TimeSync.$Properties): fieldchain.device.v1.TimeSync;
                static encode(message: fieldchain.device.v1.TimeSync.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): fieldchain.device.v1.TimeSync & fieldchain.device.v1.TimeSync.$Shape;
                static fromObject(object: { [k: string]: any }): fieldchain.device.v1.TimeSync;
                static toObject(message: fieldchain.device.v1.TimeSync, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
                static getTypeUrl(prefix?: string): string;
            }

            namespace TimeSync {
                interface $Properties {
                    timeUs?: (number|null);
                    quality?: (fieldchain.device.v1.TimeQuality|null);
                    requestSeq?: (number|null);
                    requestDeviceTimeUs?: (number|null);
                    source?: (string|null);
                    uncertaintyMs?: (number|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = fieldchain.device.v1.TimeSync.$Properties;
            }

            interface IHello extends fieldchain.device.v1.Hello.$Properties {
            }

            class Hello {
                constructor(properties?: fieldchain.device.v1.Hello.$Properties);
                $unknowns?: Uint8Array[];
                deviceId: string;
                model: string;
                hardwareRevision: string;
                firmwareVersion: string;
                protocolMajor: number;
                protocolMinor: number;
                maxPayload: number;
                window: number;
                capabilities: fieldchain.device.v1.Capability.$Properties[];
                calibration?: (fieldchain.device.v1.Calibration.$Properties|null);
                bootId: Uint8Array;
                serialNumber: string;
                static create(properties: fieldchain.device.v1.Hello.$Shape): fieldchain.device.v1.Hello & fieldchain.device.v1.Hello.$Shape;
                static create(properties?: fieldchain.device.v1.Hello.$Properties): fieldchain.device.v1.Hello;
                static encode(message: fieldchain.device.v1.Hello.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): fieldchain.device.v1.Hello & fieldchain.device.v1.Hello.$Shape;
                static fromObject(object: { [k: string]: any }): fieldchain.device.v1.Hello;
                static toObject(message: fieldchain.device.v1.Hello, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
                static getTypeUrl(prefix?: string): string;
            }

            namespace Hello {
                interface $Properties {
                    deviceId?: (string|null);
                    model?: (string|null);
                    hardwareRevision?: (string|null);
                    firmwareVersion?: (string|null);
                    protocolMajor?: (number|null);
                    protocolMinor?: (number|null);
                    maxPayload?: (number|null);
                    window?: (number|null);
                    capabilities?: (fieldchain.device.v1.Capability.$Properties[]|null);
                    calibration?: (fieldchain.device.v1.Calibration.$Properties|null);
                    bootId?: (Uint8Array|null);
                    serialNumber?: (string|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = fieldchain.device.v1.Hello.$Properties;
            }

            interface ICapability extends fieldchain.device.v1.Capability.$Properties {
            }

            class Capability {
                constructor(properties?: fieldchain.device.v1.Capability.$Properties);
                $unknowns?: Uint8Array[];
                quantity: string;
                unit: string;
                rangeMin: number;
                rangeMax: number;
                resolution: number;
                channel: string;
                static create(properties: fieldchain.device.v1.Capability.$Shape): fieldchain.device.v1.Capability & fieldchain.device.v1.Capability.$Shape;
                static create(properties?: fieldchain.device.v1.Capability.$Properties): fieldchain.device.v1.Capability;
                static encode(message: fieldchain.device.v1.Capability.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): fieldchain.device.v1.Capability & fieldchain.device.v1.Capability.$Shape;
                static fromObject(object: { [k: string]: any }): fieldchain.device.v1.Capability;
                static toObject(message: fieldchain.device.v1.Capability, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
                static getTypeUrl(prefix?: string): string;
            }

            namespace Capability {
                interface $Properties {
                    quantity?: (string|null);
                    unit?: (string|null);
                    rangeMin?: (number|null);
                    rangeMax?: (number|null);
                    resolution?: (number|null);
                    channel?: (string|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = fieldchain.device.v1.Capability.$Properties;
            }

            interface ICalibration extends fieldchain.device.v1.Calibration.$Properties {
            }

            class Calibration {
                constructor(properties?: fieldchain.device.v1.Calibration.$Properties);
                $unknowns?: Uint8Array[];
                certificateId: string;
                calibratedAt: number;
                dueAt: number;
                laboratory: string;
                static create(properties: fieldchain.device.v1.Calibration.$Shape): fieldchain.device.v1.Calibration & fieldchain.device.v1.Calibration.$Shape;
                static create(properties?: fieldchain.device.v1.Calibration.$Properties): fieldchain.device.v1.Calibration;
                static encode(message: fieldchain.device.v1.Calibration.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): fieldchain.device.v1.Calibration & fieldchain.device.v1.Calibration.$Shape;
                static fromObject(object: { [k: string]: any }): fieldchain.device.v1.Calibration;
                static toObject(message: fieldchain.device.v1.Calibration, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
                static getTypeUrl(prefix?: string): string;
            }

            namespace Calibration {
                interface $Properties {
                    certificateId?: (string|null);
                    calibratedAt?: (number|null);
                    dueAt?: (number|null);
                    laboratory?: (string|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = fieldchain.device.v1.Calibration.$Properties;
            }

            interface IReading extends fieldchain.device.v1.Reading.$Properties {
            }

            class Reading {
                constructor(properties?: fieldchain.device.v1.Reading.$Properties);
                $unknowns?: Uint8Array[];
                seq: number;
                deviceTimeUs: number;
                quantity: string;
                value: number;
                unit: string;
                flags: number;
                channel: string;
                static create(properties: fieldchain.device.v1.Reading.$Shape): fieldchain.device.v1.Reading & fieldchain.device.v1.Reading.$Shape;
                static create(properties?: fieldchain.device.v1.Reading.$Properties): fieldchain.device.v1.Reading;
                static encode(message: fieldchain.device.v1.Reading.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): fieldchain.device.v1.Reading & fieldchain.device.v1.Reading.$Shape;
                static fromObject(object: { [k: string]: any }): fieldchain.device.v1.Reading;
                static toObject(message: fieldchain.device.v1.Reading, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
                static getTypeUrl(prefix?: string): string;
            }

            namespace Reading {
                interface $Properties {
                    seq?: (number|null);
                    deviceTimeUs?: (number|null);
                    quantity?: (string|null);
                    value?: (number|null);
                    unit?: (string|null);
                    flags?: (number|null);
                    channel?: (string|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = fieldchain.device.v1.Reading.$Properties;
            }

            enum ReadingFlag {
                READING_FLAG_NONE = 0,
                READING_FLAG_OVERRANGE = 1,
                READING_FLAG_UNDERRANGE = 2,
                READING_FLAG_UNSTABLE = 4,
                READING_FLAG_HOLD = 8,
                READING_FLAG_RESENT = 16,
                READING_FLAG_CLOCK_SINCE_BOOT = 32
            }

            interface IAck extends fieldchain.device.v1.Ack.$Properties {
            }

            class Ack {
                constructor(properties?: fieldchain.device.v1.Ack.$Properties);
                $unknowns?: Uint8Array[];
                upToSeq: number;
                bootId: Uint8Array;
                sack: fieldchain.device.v1.SeqRange.$Properties[];
                static create(properties: fieldchain.device.v1.Ack.$Shape): fieldchain.device.v1.Ack & fieldchain.device.v1.Ack.$Shape;
                static create(properties?: fieldchain.device.v1.Ack.$Properties): fieldchain.device.v1.Ack;
                static encode(message: fieldchain.device.v1.Ack.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): fieldchain.device.v1.Ack & fieldchain.device.v1.Ack.$Shape;
                static fromObject(object: { [k: string]: any }): fieldchain.device.v1.Ack;
                static toObject(message: fieldchain.device.v1.Ack, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
                static getTypeUrl(prefix?: string): string;
            }

            namespace Ack {
                interface $Properties {
                    upToSeq?: (number|null);
                    bootId?: (Uint8Array|null);
                    sack?: (fieldchain.device.v1.SeqRange.$Properties[]|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = fieldchain.device.v1.Ack.$Properties;
            }

            interface ISeqRange extends fieldchain.device.v1.SeqRange.$Properties {
            }

            class SeqRange {
                constructor(properties?: fieldchain.device.v1.SeqRange.$Properties);
                $unknowns?: Uint8Array[];
                first: number;
                last: number;
                static create(properties: fieldchain.device.v1.SeqRange.$Shape): fieldchain.device.v1.SeqRange & fieldchain.device.v1.SeqRange.$Shape;
                static create(properties?: fieldchain.device.v1.SeqRange.$Properties): fieldchain.device.v1.SeqRange;
                static encode(message: fieldchain.device.v1.SeqRange.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): fieldchain.device.v1.SeqRange & fieldchain.device.v1.SeqRange.$Shape;
                static fromObject(object: { [k: string]: any }): fieldchain.device.v1.SeqRange;
                static toObject(message: fieldchain.device.v1.SeqRange, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
                static getTypeUrl(prefix?: string): string;
            }

            namespace SeqRange {
                interface $Properties {
                    first?: (number|null);
                    last?: (number|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = fieldchain.device.v1.SeqRange.$Properties;
            }

            interface ICommand extends fieldchain.device.v1.Command.$Properties {
            }

            class Command {
                constructor(properties?: fieldchain.device.v1.Command.$Properties);
                $unknowns?: Uint8Array[];
                startStreaming?: (fieldchain.device.v1.StartStreaming.$Properties|null);
                stopStreaming?: (fieldchain.device.v1.StopStreaming.$Properties|null);
                identify?: (fieldchain.device.v1.Identify.$Properties|null);
                setRate?: (fieldchain.device.v1.SetRate.$Properties|null);
                getStatus?: (fieldchain.device.v1.GetStatus.$Properties|null);
                reboot?: (fieldchain.device.v1.Reboot.$Properties|null);
                action?: ("startStreaming"|"stopStreaming"|"identify"|"setRate"|"getStatus"|"reboot");
                static create(properties: fieldchain.device.v1.Command.$Shape): fieldchain.device.v1.Command & fieldchain.device.v1.Command.$Shape;
                static create(properties?: fieldchain.device.v1.Command.$Properties): fieldchain.device.v1.Command;
                static encode(message: fieldchain.device.v1.Command.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): fieldchain.device.v1.Command & fieldchain.device.v1.Command.$Shape;
                static fromObject(object: { [k: string]: any }): fieldchain.device.v1.Command;
                static toObject(message: fieldchain.device.v1.Command, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
                static getTypeUrl(prefix?: string): string;
            }

            namespace Command {
                interface $Properties {
                    startStreaming?: (fieldchain.device.v1.StartStreaming.$Properties|null);
                    stopStreaming?: (fieldchain.device.v1.StopStreaming.$Properties|null);
                    identify?: (fieldchain.device.v1.Identify.$Properties|null);
                    setRate?: (fieldchain.device.v1.SetRate.$Properties|null);
                    getStatus?: (fieldchain.device.v1.GetStatus.$Properties|null);
                    reboot?: (fieldchain.device.v1.Reboot.$Properties|null);
                    action?: ("startStreaming"|"stopStreaming"|"identify"|"setRate"|"getStatus"|"reboot");
                    $unknowns?: Uint8Array[];
                }
                type $Shape = {
                  startStreaming?: fieldchain.device.v1.StartStreaming.$Shape|null;
                  stopStreaming?: fieldchain.device.v1.StopStreaming.$Shape|null;
                  identify?: fieldchain.device.v1.Identify.$Shape|null;
                  setRate?: fieldchain.device.v1.SetRate.$Shape|null;
                  getStatus?: fieldchain.device.v1.GetStatus.$Shape|null;
                  reboot?: fieldchain.device.v1.Reboot.$Shape|null;
                  $unknowns?: Uint8Array[];
                } & (
                  ({ action?: undefined; startStreaming?: null; stopStreaming?: null; identify?: null; setRate?: null; getStatus?: null; reboot?: null }|{ action?: "startStreaming"; startStreaming: fieldchain.device.v1.StartStreaming.$Shape; stopStreaming?: null; identify?: null; setRate?: null; getStatus?: null; reboot?: null }|{ action?: "stopStreaming"; startStreaming?: null; stopStreaming: fieldchain.device.v1.StopStreaming.$Shape; identify?: null; setRate?: null; getStatus?: null; reboot?: null }|{ action?: "identify"; startStreaming?: null; stopStreaming?: null; identify: fieldchain.device.v1.Identify.$Shape; setRate?: null; getStatus?: null; reboot?: null }|{ action?: "setRate"; startStreaming?: null; stopStreaming?: null; identify?: null; setRate: fieldchain.device.v1.SetRate.$Shape; getStatus?: null; reboot?: null }|{ action?: "getStatus"; startStreaming?: null; stopStreaming?: null; identify?: null; setRate?: null; getStatus: fieldchain.device.v1.GetStatus.$Shape; reboot?: null }|{ action?: "reboot"; startStreaming?: null; stopStreaming?: null; identify?: null; setRate?: null; getStatus?: null; reboot: fieldchain.device.v1.Reboot.$Shape })
                );
            }

            interface IStartStreaming extends fieldchain.device.v1.StartStreaming.$Properties {
            }

            class StartStreaming {
                constructor(properties?: fieldchain.device.v1.StartStreaming.$Properties);
                $unknowns?: Uint8Array[];
                quantity: string;
                static create(properties: fieldchain.device.v1.StartStreaming.$Shape): fieldchain.device.v1.StartStreaming & fieldchain.device.v1.StartStreaming.$Shape;
                static create(properties?: fieldchain.device.v1.StartStreaming.$Properties): fieldchain.device.v1.StartStreaming;
                static encode(message: fieldchain.device.v1.StartStreaming.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): fieldchain.device.v1.StartStreaming & fieldchain.device.v1.StartStreaming.$Shape;
                static fromObject(object: { [k: string]: any }): fieldchain.device.v1.StartStreaming;
                static toObject(message: fieldchain.device.v1.StartStreaming, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
                static getTypeUrl(prefix?: string): string;
            }

            namespace StartStreaming {
                interface $Properties {
                    quantity?: (string|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = fieldchain.device.v1.StartStreaming.$Properties;
            }

            interface IStopStreaming extends fieldchain.device.v1.StopStreaming.$Properties {
            }

            class StopStreaming {
                constructor(properties?: fieldchain.device.v1.StopStreaming.$Properties);
                $unknowns?: Uint8Array[];
                static create(properties: fieldchain.device.v1.StopStreaming.$Shape): fieldchain.device.v1.StopStreaming & fieldchain.device.v1.StopStreaming.$Shape;
                static create(properties?: fieldchain.device.v1.StopStreaming.$Properties): fieldchain.device.v1.StopStreaming;
                static encode(message: fieldchain.device.v1.StopStreaming.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): fieldchain.device.v1.StopStreaming & fieldchain.device.v1.StopStreaming.$Shape;
                static fromObject(object: { [k: string]: any }): fieldchain.device.v1.StopStreaming;
                static toObject(message: fieldchain.device.v1.StopStreaming, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
                static getTypeUrl(prefix?: string): string;
            }

            namespace StopStreaming {
                interface $Properties {
                    $unknowns?: Uint8Array[];
                }
                type $Shape = fieldchain.device.v1.StopStreaming.$Properties;
            }

            interface IIdentify extends fieldchain.device.v1.Identify.$Properties {
            }

            class Identify {
                constructor(properties?: fieldchain.device.v1.Identify.$Properties);
                $unknowns?: Uint8Array[];
                durationMs: number;
                static create(properties: fieldchain.device.v1.Identify.$Shape): fieldchain.device.v1.Identify & fieldchain.device.v1.Identify.$Shape;
                static create(properties?: fieldchain.device.v1.Identify.$Properties): fieldchain.device.v1.Identify;
                static encode(message: fieldchain.device.v1.Identify.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): fieldchain.device.v1.Identify & fieldchain.device.v1.Identify.$Shape;
                static fromObject(object: { [k: string]: any }): fieldchain.device.v1.Identify;
                static toObject(message: fieldchain.device.v1.Identify, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
                static getTypeUrl(prefix?: string): string;
            }

            namespace Identify {
                interface $Properties {
                    durationMs?: (number|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = fieldchain.device.v1.Identify.$Properties;
            }

            interface ISetRate extends fieldchain.device.v1.SetRate.$Properties {
            }

            class SetRate {
                constructor(properties?: fieldchain.device.v1.SetRate.$Properties);
                $unknowns?: Uint8Array[];
                readingsPerSecond: number;
                static create(properties: fieldchain.device.v1.SetRate.$Shape): fieldchain.device.v1.SetRate & fieldchain.device.v1.SetRate.$Shape;
                static create(properties?: fieldchain.device.v1.SetRate.$Properties): fieldchain.device.v1.SetRate;
                static encode(message: fieldchain.device.v1.SetRate.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): fieldchain.device.v1.SetRate & fieldchain.device.v1.SetRate.$Shape;
                static fromObject(object: { [k: string]: any }): fieldchain.device.v1.SetRate;
                static toObject(message: fieldchain.device.v1.SetRate, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
                static getTypeUrl(prefix?: string): string;
            }

            namespace SetRate {
                interface $Properties {
                    readingsPerSecond?: (number|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = fieldchain.device.v1.SetRate.$Properties;
            }

            interface IGetStatus extends fieldchain.device.v1.GetStatus.$Properties {
            }

            class GetStatus {
                constructor(properties?: fieldchain.device.v1.GetStatus.$Properties);
                $unknowns?: Uint8Array[];
                static create(properties: fieldchain.device.v1.GetStatus.$Shape): fieldchain.device.v1.GetStatus & fieldchain.device.v1.GetStatus.$Shape;
                static create(properties?: fieldchain.device.v1.GetStatus.$Properties): fieldchain.device.v1.GetStatus;
                static encode(message: fieldchain.device.v1.GetStatus.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): fieldchain.device.v1.GetStatus & fieldchain.device.v1.GetStatus.$Shape;
                static fromObject(object: { [k: string]: any }): fieldchain.device.v1.GetStatus;
                static toObject(message: fieldchain.device.v1.GetStatus, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
                static getTypeUrl(prefix?: string): string;
            }

            namespace GetStatus {
                interface $Properties {
                    $unknowns?: Uint8Array[];
                }
                type $Shape = fieldchain.device.v1.GetStatus.$Properties;
            }

            interface IReboot extends fieldchain.device.v1.Reboot.$Properties {
            }

            class Reboot {
                constructor(properties?: fieldchain.device.v1.Reboot.$Properties);
                $unknowns?: Uint8Array[];
                static create(properties: fieldchain.device.v1.Reboot.$Shape): fieldchain.device.v1.Reboot & fieldchain.device.v1.Reboot.$Shape;
                static create(properties?: fieldchain.device.v1.Reboot.$Properties): fieldchain.device.v1.Reboot;
                static encode(message: fieldchain.device.v1.Reboot.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): fieldchain.device.v1.Reboot & fieldchain.device.v1.Reboot.$Shape;
                static fromObject(object: { [k: string]: any }): fieldchain.device.v1.Reboot;
                static toObject(message: fieldchain.device.v1.Reboot, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
                static getTypeUrl(prefix?: string): string;
            }

            namespace Reboot {
                interface $Properties {
                    $unknowns?: Uint8Array[];
                }
                type $Shape = fieldchain.device.v1.Reboot.$Properties;
            }

            interface ICommandResult extends fieldchain.device.v1.CommandResult.$Properties {
            }

            class CommandResult {
                constructor(properties?: fieldchain.device.v1.CommandResult.$Properties);
                $unknowns?: Uint8Array[];
                commandSeq: number;
                status: fieldchain.device.v1.CommandResult.Status;
                message: string;
                deviceStatus?: (fieldchain.device.v1.DeviceStatus.$Properties|null);
                static create(properties: fieldchain.device.v1.CommandResult.$Shape): fieldchain.device.v1.CommandResult & fieldchain.device.v1.CommandResult.$Shape;
                static create(properties?: fieldchain.device.v1.CommandResult.$Properties): fieldchain.device.v1.CommandResult;
                static encode(message: fieldchain.device.v1.CommandResult.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): fieldchain.device.v1.CommandResult & fieldchain.device.v1.CommandResult.$Shape;
                static fromObject(object: { [k: string]: any }): fieldchain.device.v1.CommandResult;
                static toObject(message: fieldchain.device.v1.CommandResult, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
                static getTypeUrl(prefix?: string): string;
            }

            namespace CommandResult {
                interface $Properties {
                    commandSeq?: (number|null);
                    status?: (fieldchain.device.v1.CommandResult.Status|null);
                    message?: (string|null);
                    deviceStatus?: (fieldchain.device.v1.DeviceStatus.$Properties|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = fieldchain.device.v1.CommandResult.$Properties;

                enum Status {
                    STATUS_UNSPECIFIED = 0,
                    STATUS_OK = 1,
                    STATUS_UNSUPPORTED = 2,
                    STATUS_INVALID_ARGUMENT = 3,
                    STATUS_BUSY = 4,
                    STATUS_FAILED = 5
                }
            }

            interface IDeviceStatus extends fieldchain.device.v1.DeviceStatus.$Properties {
            }

            class DeviceStatus {
                constructor(properties?: fieldchain.device.v1.DeviceStatus.$Properties);
                $unknowns?: Uint8Array[];
                streaming: boolean;
                readingsPerSecond: number;
                unackedReadings: number;
                nextReadingSeq: number;
                uptimeMs: number;
                batteryPercent: number;
                framesBadCrc: number;
                framesUndecodable: number;
                static create(properties: fieldchain.device.v1.DeviceStatus.$Shape): fieldchain.device.v1.DeviceStatus & fieldchain.device.v1.DeviceStatus.$Shape;
                static create(properties?: fieldchain.device.v1.DeviceStatus.$Properties): fieldchain.device.v1.DeviceStatus;
                static encode(message: fieldchain.device.v1.DeviceStatus.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): fieldchain.device.v1.DeviceStatus & fieldchain.device.v1.DeviceStatus.$Shape;
                static fromObject(object: { [k: string]: any }): fieldchain.device.v1.DeviceStatus;
                static toObject(message: fieldchain.device.v1.DeviceStatus, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
                static getTypeUrl(prefix?: string): string;
            }

            namespace DeviceStatus {
                interface $Properties {
                    streaming?: (boolean|null);
                    readingsPerSecond?: (number|null);
                    unackedReadings?: (number|null);
                    nextReadingSeq?: (number|null);
                    uptimeMs?: (number|null);
                    batteryPercent?: (number|null);
                    framesBadCrc?: (number|null);
                    framesUndecodable?: (number|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = fieldchain.device.v1.DeviceStatus.$Properties;
            }

            interface IEvent extends fieldchain.device.v1.Event.$Properties {
            }

            class Event {
                constructor(properties?: fieldchain.device.v1.Event.$Properties);
                $unknowns?: Uint8Array[];
                kind: fieldchain.device.v1.Event.Kind;
                deviceTimeUs: number;
                detail: string;
                static create(properties: fieldchain.device.v1.Event.$Shape): fieldchain.device.v1.Event & fieldchain.device.v1.Event.$Shape;
                static create(properties?: fieldchain.device.v1.Event.$Properties): fieldchain.device.v1.Event;
                static encode(message: fieldchain.device.v1.Event.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): fieldchain.device.v1.Event & fieldchain.device.v1.Event.$Shape;
                static fromObject(object: { [k: string]: any }): fieldchain.device.v1.Event;
                static toObject(message: fieldchain.device.v1.Event, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
                static getTypeUrl(prefix?: string): string;
            }

            namespace Event {
                interface $Properties {
                    kind?: (fieldchain.device.v1.Event.Kind|null);
                    deviceTimeUs?: (number|null);
                    detail?: (string|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = fieldchain.device.v1.Event.$Properties;

                enum Kind {
                    KIND_UNSPECIFIED = 0,
                    KIND_BOOT = 1,
                    KIND_BUTTON = 2,
                    KIND_PROBE_ATTACHED = 3,
                    KIND_PROBE_DETACHED = 4,
                    KIND_OVERLOAD = 5,
                    KIND_LOW_BATTERY = 6,
                    KIND_BUFFER_FULL = 7
                }
            }

            interface IHeartbeat extends fieldchain.device.v1.Heartbeat.$Properties {
            }

            class Heartbeat {
                constructor(properties?: fieldchain.device.v1.Heartbeat.$Properties);
                $unknowns?: Uint8Array[];
                deviceTimeUs: number;
                unackedReadings: number;
                batteryPercent: number;
                uptimeMs: number;
                static create(properties: fieldchain.device.v1.Heartbeat.$Shape): fieldchain.device.v1.Heartbeat & fieldchain.device.v1.Heartbeat.$Shape;
                static create(properties?: fieldchain.device.v1.Heartbeat.$Properties): fieldchain.device.v1.Heartbeat;
                static encode(message: fieldchain.device.v1.Heartbeat.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): fieldchain.device.v1.Heartbeat & fieldchain.device.v1.Heartbeat.$Shape;
                static fromObject(object: { [k: string]: any }): fieldchain.device.v1.Heartbeat;
                static toObject(message: fieldchain.device.v1.Heartbeat, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
                static getTypeUrl(prefix?: string): string;
            }

            namespace Heartbeat {
                interface $Properties {
                    deviceTimeUs?: (number|null);
                    unackedReadings?: (number|null);
                    batteryPercent?: (number|null);
                    uptimeMs?: (number|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = fieldchain.device.v1.Heartbeat.$Properties;
            }

            interface IError extends fieldchain.device.v1.Error.$Properties {
            }

            class Error {
                constructor(properties?: fieldchain.device.v1.Error.$Properties);
                $unknowns?: Uint8Array[];
                code: fieldchain.device.v1.Error.Code;
                message: string;
                relatedSeq: number;
                static create(properties: fieldchain.device.v1.Error.$Shape): fieldchain.device.v1.Error & fieldchain.device.v1.Error.$Shape;
                static create(properties?: fieldchain.device.v1.Error.$Properties): fieldchain.device.v1.Error;
                static encode(message: fieldchain.device.v1.Error.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): fieldchain.device.v1.Error & fieldchain.device.v1.Error.$Shape;
                static fromObject(object: { [k: string]: any }): fieldchain.device.v1.Error;
                static toObject(message: fieldchain.device.v1.Error, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
                static getTypeUrl(prefix?: string): string;
            }

            namespace Error {
                interface $Properties {
                    code?: (fieldchain.device.v1.Error.Code|null);
                    message?: (string|null);
                    relatedSeq?: (number|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = fieldchain.device.v1.Error.$Properties;

                enum Code {
                    CODE_UNSPECIFIED = 0,
                    CODE_PROTOCOL_VERSION = 1,
                    CODE_BAD_FRAME = 2,
                    CODE_BAD_MESSAGE = 3,
                    CODE_UNSUPPORTED = 4,
                    CODE_BUSY = 5,
                    CODE_INTERNAL = 6
                }
            }

            enum ImageStatus {
                IMAGE_STATUS_UNSPECIFIED = 0,
                IMAGE_STATUS_OK = 1,
                IMAGE_STATUS_INVALID_ARGUMENT = 2,
                IMAGE_STATUS_BAD_IMAGE = 3,
                IMAGE_STATUS_BAD_SIGNATURE = 4,
                IMAGE_STATUS_WRONG_HARDWARE = 5,
                IMAGE_STATUS_DOWNGRADE = 6,
                IMAGE_STATUS_NO_SPACE = 7,
                IMAGE_STATUS_BUSY = 8,
                IMAGE_STATUS_HASH_MISMATCH = 9,
                IMAGE_STATUS_NOT_FOUND = 10
            }

            interface IImageUpload extends fieldchain.device.v1.ImageUpload.$Properties {
            }

            class ImageUpload {
                constructor(properties?: fieldchain.device.v1.ImageUpload.$Properties);
                $unknowns?: Uint8Array[];
                offset: number;
                data: Uint8Array;
                imageLength: number;
                sha256: Uint8Array;
                slot: number;
                allowDowngrade: boolean;
                restart: boolean;
                static create(properties: fieldchain.device.v1.ImageUpload.$Shape): fieldchain.device.v1.ImageUpload & fieldchain.device.v1.ImageUpload.$Shape;
                static create(properties?: fieldchain.device.v1.ImageUpload.$Properties): fieldchain.device.v1.ImageUpload;
                static encode(message: fieldchain.device.v1.ImageUpload.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): fieldchain.device.v1.ImageUpload & fieldchain.device.v1.ImageUpload.$Shape;
                static fromObject(object: { [k: string]: any }): fieldchain.device.v1.ImageUpload;
                static toObject(message: fieldchain.device.v1.ImageUpload, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
                static getTypeUrl(prefix?: string): string;
            }

            namespace ImageUpload {
                interface $Properties {
                    offset?: (number|null);
                    data?: (Uint8Array|null);
                    imageLength?: (number|null);
                    sha256?: (Uint8Array|null);
                    slot?: (number|null);
                    allowDowngrade?: (boolean|null);
                    restart?: (boolean|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = fieldchain.device.v1.ImageUpload.$Properties;
            }

            interface IImageUploadResult extends fieldchain.device.v1.ImageUploadResult.$Properties {
            }

            class ImageUploadResult {
                constructor(properties?: fieldchain.device.v1.ImageUploadResult.$Properties);
                $unknowns?: Uint8Array[];
                requestSeq: number;
                status: fieldchain.device.v1.ImageStatus;
                nextOffset: number;
                match: boolean;
                complete: boolean;
                message: string;
                static create(properties: fieldchain.device.v1.ImageUploadResult.$Shape): fieldchain.device.v1.ImageUploadResult & fieldchain.device.v1.ImageUploadResult.$Shape;
                static create(properties?: fieldchain.device.v1.ImageUploadResult.$Properties): fieldchain.device.v1.ImageUploadResult;
                static encode(message: fieldchain.device.v1.ImageUploadResult.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): fieldchain.device.v1.ImageUploadResult & fieldchain.device.v1.ImageUploadResult.$Shape;
                static fromObject(object: { [k: string]: any }): fieldchain.device.v1.ImageUploadResult;
                static toObject(message: fieldchain.device.v1.ImageUploadResult, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
                static getTypeUrl(prefix?: string): string;
            }

            namespace ImageUploadResult {
                interface $Properties {
                    requestSeq?: (number|null);
                    status?: (fieldchain.device.v1.ImageStatus|null);
                    nextOffset?: (number|null);
                    match?: (boolean|null);
                    complete?: (boolean|null);
                    message?: (string|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = fieldchain.device.v1.ImageUploadResult.$Properties;
            }

            interface IImageStateRequest extends fieldchain.device.v1.ImageStateRequest.$Properties {
            }

            class ImageStateRequest {
                constructor(properties?: fieldchain.device.v1.ImageStateRequest.$Properties);
                $unknowns?: Uint8Array[];
                action: fieldchain.device.v1.ImageStateRequest.Action;
                hash: Uint8Array;
                allowDowngrade: boolean;
                static create(properties: fieldchain.device.v1.ImageStateRequest.$Shape): fieldchain.device.v1.ImageStateRequest & fieldchain.device.v1.ImageStateRequest.$Shape;
                static create(properties?: fieldchain.device.v1.ImageStateRequest.$Properties): fieldchain.device.v1.ImageStateRequest;
                static encode(message: fieldchain.device.v1.ImageStateRequest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): fieldchain.device.v1.ImageStateRequest & fieldchain.device.v1.ImageStateRequest.$Shape;
                static fromObject(object: { [k: string]: any }): fieldchain.device.v1.ImageStateRequest;
                static toObject(message: fieldchain.device.v1.ImageStateRequest, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
                static getTypeUrl(prefix?: string): string;
            }

            namespace ImageStateRequest {
                interface $Properties {
                    action?: (fieldchain.device.v1.ImageStateRequest.Action|null);
                    hash?: (Uint8Array|null);
                    allowDowngrade?: (boolean|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = fieldchain.device.v1.ImageStateRequest.$Properties;

                enum Action {
                    ACTION_READ = 0,
                    ACTION_TEST = 1,
                    ACTION_CONFIRM = 2
                }
            }

            enum SelfTest {
                SELF_TEST_UNSPECIFIED = 0,
                SELF_TEST_RUNNING = 1,
                SELF_TEST_PASSED = 2,
                SELF_TEST_FAILED = 3
            }

            interface IImageSlot extends fieldchain.device.v1.ImageSlot.$Properties {
            }

            class ImageSlot {
                constructor(properties?: fieldchain.device.v1.ImageSlot.$Properties);
                $unknowns?: Uint8Array[];
                slot: number;
                version: string;
                hash: Uint8Array;
                hardware: string;
                pending: boolean;
                confirmed: boolean;
                active: boolean;
                size: number;
                static create(properties: fieldchain.device.v1.ImageSlot.$Shape): fieldchain.device.v1.ImageSlot & fieldchain.device.v1.ImageSlot.$Shape;
                static create(properties?: fieldchain.device.v1.ImageSlot.$Properties): fieldchain.device.v1.ImageSlot;
                static encode(message: fieldchain.device.v1.ImageSlot.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): fieldchain.device.v1.ImageSlot & fieldchain.device.v1.ImageSlot.$Shape;
                static fromObject(object: { [k: string]: any }): fieldchain.device.v1.ImageSlot;
                static toObject(message: fieldchain.device.v1.ImageSlot, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
                static getTypeUrl(prefix?: string): string;
            }

            namespace ImageSlot {
                interface $Properties {
                    slot?: (number|null);
                    version?: (string|null);
                    hash?: (Uint8Array|null);
                    hardware?: (string|null);
                    pending?: (boolean|null);
                    confirmed?: (boolean|null);
                    active?: (boolean|null);
                    size?: (number|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = fieldchain.device.v1.ImageSlot.$Properties;
            }

            interface IImageState extends fieldchain.device.v1.ImageState.$Properties {
            }

            class ImageState {
                constructor(properties?: fieldchain.device.v1.ImageState.$Properties);
                $unknowns?: Uint8Array[];
                requestSeq: number;
                status: fieldchain.device.v1.ImageStatus;
                message: string;
                slots: fieldchain.device.v1.ImageSlot.$Properties[];
                selfTest: fieldchain.device.v1.SelfTest;
                rolledBack: boolean;
                uploadSha256: Uint8Array;
                uploadOffset: number;
                uploadLength: number;
                trustedKeyHashes: Uint8Array[];
                static create(properties: fieldchain.device.v1.ImageState.$Shape): fieldchain.device.v1.ImageState & fieldchain.device.v1.ImageState.$Shape;
                static create(properties?: fieldchain.device.v1.ImageState.$Properties): fieldchain.device.v1.ImageState;
                static encode(message: fieldchain.device.v1.ImageState.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): fieldchain.device.v1.ImageState & fieldchain.device.v1.ImageState.$Shape;
                static fromObject(object: { [k: string]: any }): fieldchain.device.v1.ImageState;
                static toObject(message: fieldchain.device.v1.ImageState, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
                static getTypeUrl(prefix?: string): string;
            }

            namespace ImageState {
                interface $Properties {
                    requestSeq?: (number|null);
                    status?: (fieldchain.device.v1.ImageStatus|null);
                    message?: (string|null);
                    slots?: (fieldchain.device.v1.ImageSlot.$Properties[]|null);
                    selfTest?: (fieldchain.device.v1.SelfTest|null);
                    rolledBack?: (boolean|null);
                    uploadSha256?: (Uint8Array|null);
                    uploadOffset?: (number|null);
                    uploadLength?: (number|null);
                    trustedKeyHashes?: (Uint8Array[]|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = fieldchain.device.v1.ImageState.$Properties;
            }
        }
    }
}
