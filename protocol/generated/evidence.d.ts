import * as $protobuf from "protobufjs";
import Long = require("long");

export namespace fieldchain {

    namespace evidence {

        namespace v1 {

            interface IEvidenceRecord extends fieldchain.evidence.v1.EvidenceRecord.$Properties {
            }

            class EvidenceRecord {
                constructor(properties?: fieldchain.evidence.v1.EvidenceRecord.$Properties);
                $unknowns?: Uint8Array[];
                id: string;
                chainSeq: number;
                prevHash: Uint8Array;
                gatewayId: string;
                workOrderId: string;
                taskId: string;
                checklistItemId: string;
                deliverableId: string;
                technicianId: string;
                kind: fieldchain.evidence.v1.EvidenceRecord.Kind;
                device?: (fieldchain.evidence.v1.DeviceIdentity.$Properties|null);
                deviceTimeUs: number;
                gatewayTimeMs: number;
                clockSkewMs: number;
                quantity: string;
                value: number;
                unit: string;
                requirement?: (fieldchain.evidence.v1.Requirement.$Properties|null);
                outcome: fieldchain.evidence.v1.EvidenceRecord.Outcome;
                attachmentSha256: Uint8Array;
                attachmentMediaType: string;
                attachmentSize: number;
                text: string;
                signerRole: fieldchain.evidence.v1.EvidenceRecord.SignerRole;
                timeQuality: fieldchain.evidence.v1.EvidenceRecord.TimeQuality;
                timeSource: string;
                monotonic?: (fieldchain.evidence.v1.MonotonicAnchor.$Properties|null);
                deviceTimeImplausible: boolean;
                formatVersion: number;
                static create(properties: fieldchain.evidence.v1.EvidenceRecord.$Shape): fieldchain.evidence.v1.EvidenceRecord & fieldchain.evidence.v1.EvidenceRecord.$Shape;
                static create(properties?: fieldchain.evidence.v1.EvidenceRecord.$Properties): fieldchain.evidence.v1.EvidenceRecord;
                static encode(message: fieldchain.evidence.v1.EvidenceRecord.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): fieldchain.evidence.v1.EvidenceRecord & fieldchain.evidence.v1.EvidenceRecord.$Shape;
                static fromObject(object: { [k: string]: any }): fieldchain.evidence.v1.EvidenceRecord;
                static toObject(message: fieldchain.evidence.v1.EvidenceRecord, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
                static getTypeUrl(prefix?: string): string;
            }

            namespace EvidenceRecord {
                interface $Properties {
                    id?: (string|null);
                    chainSeq?: (number|null);
                    prevHash?: (Uint8Array|null);
                    gatewayId?: (string|null);
                    workOrderId?: (string|null);
                    taskId?: (string|null);
                    checklistItemId?: (string|null);
                    deliverableId?: (string|null);
                    technicianId?: (string|null);
                    kind?: (fieldchain.evidence.v1.EvidenceRecord.Kind|null);
                    device?: (fieldchain.evidence.v1.DeviceIdentity.$Properties|null);
                    deviceTimeUs?: (number|null);
                    gatewayTimeMs?: (number|null);
                    clockSkewMs?: (number|null);
                    quantity?: (string|null);
                    value?: (number|null);
                    unit?: (string|null);
                    requirement?: (fieldchain.evidence.v1.Requirement.$Properties|null);
                    outcome?: (fieldchain.evidence.v1.EvidenceRecord.Outcome|null);
                    attachmentSha256?: (Uint8Array|null);
                    attachmentMediaType?: (string|null);
                    attachmentSize?: (number|null);
                    text?: (string|null);
                    signerRole?: (fieldchain.evidence.v1.EvidenceRecord.SignerRole|null);
                    timeQuality?: (fieldchain.evidence.v1.EvidenceRecord.TimeQuality|null);
                    timeSource?: (string|null);
                    monotonic?: (fieldchain.evidence.v1.MonotonicAnchor.$Properties|null);
                    deviceTimeImplausible?: (boolean|null);
                    formatVersion?: (number|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = fieldchain.evidence.v1.EvidenceRecord.$Properties;

                enum Kind {
                    KIND_UNSPECIFIED = 0,
                    KIND_READING = 1,
                    KIND_PHOTO = 2,
                    KIND_NOTE = 3,
                    KIND_ACKNOWLEDGEMENT = 4,
                    KIND_SIGNATURE = 5
                }

                enum Outcome {
                    OUTCOME_UNSPECIFIED = 0,
                    OUTCOME_PASS = 1,
                    OUTCOME_FAIL_OUT_OF_RANGE = 2,
                    OUTCOME_FAIL_OUT_OF_CALIBRATION = 3,
                    OUTCOME_NOT_EVALUATED = 4
                }

                enum SignerRole {
                    SIGNER_ROLE_UNSPECIFIED = 0,
                    SIGNER_ROLE_CUSTOMER = 1,
                    SIGNER_ROLE_TECHNICIAN = 2
                }

                enum TimeQuality {
                    TIME_QUALITY_UNSPECIFIED = 0,
                    TIME_QUALITY_UNSYNCHRONISED = 1,
                    TIME_QUALITY_SYNCHRONISED = 2,
                    TIME_QUALITY_TRUSTED_SOURCE = 3
                }
            }

            interface IMonotonicAnchor extends fieldchain.evidence.v1.MonotonicAnchor.$Properties {
            }

            class MonotonicAnchor {
                constructor(properties?: fieldchain.evidence.v1.MonotonicAnchor.$Properties);
                $unknowns?: Uint8Array[];
                bootId: Uint8Array;
                offsetMs: number;
                static create(properties: fieldchain.evidence.v1.MonotonicAnchor.$Shape): fieldchain.evidence.v1.MonotonicAnchor & fieldchain.evidence.v1.MonotonicAnchor.$Shape;
                static create(properties?: fieldchain.evidence.v1.MonotonicAnchor.$Properties): fieldchain.evidence.v1.MonotonicAnchor;
                static encode(message: fieldchain.evidence.v1.MonotonicAnchor.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): fieldchain.evidence.v1.MonotonicAnchor & fieldchain.evidence.v1.MonotonicAnchor.$Shape;
                static fromObject(object: { [k: string]: any }): fieldchain.evidence.v1.MonotonicAnchor;
                static toObject(message: fieldchain.evidence.v1.MonotonicAnchor, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
                static getTypeUrl(prefix?: string): string;
            }

            namespace MonotonicAnchor {
                interface $Properties {
                    bootId?: (Uint8Array|null);
                    offsetMs?: (number|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = fieldchain.evidence.v1.MonotonicAnchor.$Properties;
            }

            interface IDeviceIdentity extends fieldchain.evidence.v1.DeviceIdentity.$Properties {
            }

            class DeviceIdentity {
                constructor(properties?: fieldchain.evidence.v1.DeviceIdentity.$Properties);
                $unknowns?: Uint8Array[];
                deviceId: string;
                model: string;
                firmwareVersion: string;
                serialNumber: string;
                bootId: Uint8Array;
                readingSeq: number;
                calibrationCertificateId: string;
                calibratedAtMs: number;
                calibrationDueAtMs: number;
                calibrationLaboratory: string;
                static create(properties: fieldchain.evidence.v1.DeviceIdentity.$Shape): fieldchain.evidence.v1.DeviceIdentity & fieldchain.evidence.v1.DeviceIdentity.$Shape;
                static create(properties?: fieldchain.evidence.v1.DeviceIdentity.$Properties): fieldchain.evidence.v1.DeviceIdentity;
                static encode(message: fieldchain.evidence.v1.DeviceIdentity.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): fieldchain.evidence.v1.DeviceIdentity & fieldchain.evidence.v1.DeviceIdentity.$Shape;
                static fromObject(object: { [k: string]: any }): fieldchain.evidence.v1.DeviceIdentity;
                static toObject(message: fieldchain.evidence.v1.DeviceIdentity, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
                static getTypeUrl(prefix?: string): string;
            }

            namespace DeviceIdentity {
                interface $Properties {
                    deviceId?: (string|null);
                    model?: (string|null);
                    firmwareVersion?: (string|null);
                    serialNumber?: (string|null);
                    bootId?: (Uint8Array|null);
                    readingSeq?: (number|null);
                    calibrationCertificateId?: (string|null);
                    calibratedAtMs?: (number|null);
                    calibrationDueAtMs?: (number|null);
                    calibrationLaboratory?: (string|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = fieldchain.evidence.v1.DeviceIdentity.$Properties;
            }

            interface IRequirement extends fieldchain.evidence.v1.Requirement.$Properties {
            }

            class Requirement {
                constructor(properties?: fieldchain.evidence.v1.Requirement.$Properties);
                $unknowns?: Uint8Array[];
                min?: (number|null);
                max?: (number|null);
                unit: string;
                calibratedRequired: boolean;
                static create(properties: fieldchain.evidence.v1.Requirement.$Shape): fieldchain.evidence.v1.Requirement & fieldchain.evidence.v1.Requirement.$Shape;
                static create(properties?: fieldchain.evidence.v1.Requirement.$Properties): fieldchain.evidence.v1.Requirement;
                static encode(message: fieldchain.evidence.v1.Requirement.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): fieldchain.evidence.v1.Requirement & fieldchain.evidence.v1.Requirement.$Shape;
                static fromObject(object: { [k: string]: any }): fieldchain.evidence.v1.Requirement;
                static toObject(message: fieldchain.evidence.v1.Requirement, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
                static getTypeUrl(prefix?: string): string;
            }

            namespace Requirement {
                interface $Properties {
                    min?: (number|null);
                    max?: (number|null);
                    unit?: (string|null);
                    calibratedRequired?: (boolean|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = fieldchain.evidence.v1.Requirement.$Properties;
            }

            interface ICheckpoint extends fieldchain.evidence.v1.Checkpoint.$Properties {
            }

            class Checkpoint {
                constructor(properties?: fieldchain.evidence.v1.Checkpoint.$Properties);
                $unknowns?: Uint8Array[];
                gatewayId: string;
                chainSeq: number;
                headHash: Uint8Array;
                recordCount: number;
                createdAtMs: number;
                keyId: Uint8Array;
                signature: Uint8Array;
                manifestsRoot: Uint8Array;
                formatVersion: number;
                static create(properties: fieldchain.evidence.v1.Checkpoint.$Shape): fieldchain.evidence.v1.Checkpoint & fieldchain.evidence.v1.Checkpoint.$Shape;
                static create(properties?: fieldchain.evidence.v1.Checkpoint.$Properties): fieldchain.evidence.v1.Checkpoint;
                static encode(message: fieldchain.evidence.v1.Checkpoint.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): fieldchain.evidence.v1.Checkpoint & fieldchain.evidence.v1.Checkpoint.$Shape;
                static fromObject(object: { [k: string]: any }): fieldchain.evidence.v1.Checkpoint;
                static toObject(message: fieldchain.evidence.v1.Checkpoint, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
                static getTypeUrl(prefix?: string): string;
            }

            namespace Checkpoint {
                interface $Properties {
                    gatewayId?: (string|null);
                    chainSeq?: (number|null);
                    headHash?: (Uint8Array|null);
                    recordCount?: (number|null);
                    createdAtMs?: (number|null);
                    keyId?: (Uint8Array|null);
                    signature?: (Uint8Array|null);
                    manifestsRoot?: (Uint8Array|null);
                    formatVersion?: (number|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = fieldchain.evidence.v1.Checkpoint.$Properties;
            }

            interface IWorkOrderManifest extends fieldchain.evidence.v1.WorkOrderManifest.$Properties {
            }

            class WorkOrderManifest {
                constructor(properties?: fieldchain.evidence.v1.WorkOrderManifest.$Properties);
                $unknowns?: Uint8Array[];
                workOrderId: string;
                checkpointSeq: number;
                recordCount: number;
                firstChainSeq: number;
                lastChainSeq: number;
                accumulator: Uint8Array;
                formatVersion: number;
                static create(properties: fieldchain.evidence.v1.WorkOrderManifest.$Shape): fieldchain.evidence.v1.WorkOrderManifest & fieldchain.evidence.v1.WorkOrderManifest.$Shape;
                static create(properties?: fieldchain.evidence.v1.WorkOrderManifest.$Properties): fieldchain.evidence.v1.WorkOrderManifest;
                static encode(message: fieldchain.evidence.v1.WorkOrderManifest.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;
                static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): fieldchain.evidence.v1.WorkOrderManifest & fieldchain.evidence.v1.WorkOrderManifest.$Shape;
                static fromObject(object: { [k: string]: any }): fieldchain.evidence.v1.WorkOrderManifest;
                static toObject(message: fieldchain.evidence.v1.WorkOrderManifest, options?: $protobuf.IConversionOptions): { [k: string]: any };
                toJSON(): { [k: string]: any };
                static getTypeUrl(prefix?: string): string;
            }

            namespace WorkOrderManifest {
                interface $Properties {
                    workOrderId?: (string|null);
                    checkpointSeq?: (number|null);
                    recordCount?: (number|null);
                    firstChainSeq?: (number|null);
                    lastChainSeq?: (number|null);
                    accumulator?: (Uint8Array|null);
                    formatVersion?: (number|null);
                    $unknowns?: Uint8Array[];
                }
                type $Shape = fieldchain.evidence.v1.WorkOrderManifest.$Properties;
            }
        }
    }
}
