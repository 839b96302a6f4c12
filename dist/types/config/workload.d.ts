/**
 * The declarative workload the embedded engine runs (`workload:` in perf-gate.yml): which requests, in
 * what proportion, over how many connections, for how long. Pure: parsing only.
 */
import { z } from 'zod';
export declare const HTTP_METHODS: readonly ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"];
export declare const WorkloadRequestSchema: z.ZodObject<{
    name: z.ZodOptional<z.ZodString>;
    method: z.ZodDefault<z.ZodPreprocess<z.ZodEnum<{
        GET: "GET";
        POST: "POST";
        PUT: "PUT";
        PATCH: "PATCH";
        DELETE: "DELETE";
        HEAD: "HEAD";
        OPTIONS: "OPTIONS";
    }>, unknown>>;
    path: z.ZodString;
    headers: z.ZodOptional<z.ZodRecord<z.ZodString, z.ZodString>>;
    body: z.ZodOptional<z.ZodUnion<readonly [z.ZodString, z.ZodRecord<z.ZodString, z.ZodUnknown>, z.ZodArray<z.ZodUnknown>]>>;
    weight: z.ZodDefault<z.ZodNumber>;
    expectStatus: z.ZodOptional<z.ZodUnion<readonly [z.ZodNumber, z.ZodArray<z.ZodNumber>]>>;
}, z.core.$strict>;
export declare const WorkloadLoginSchema: z.ZodObject<{
    name: z.ZodOptional<z.ZodString>;
    method: z.ZodDefault<z.ZodPreprocess<z.ZodEnum<{
        GET: "GET";
        POST: "POST";
        PUT: "PUT";
        PATCH: "PATCH";
        DELETE: "DELETE";
        HEAD: "HEAD";
        OPTIONS: "OPTIONS";
    }>, unknown>>;
    path: z.ZodString;
    headers: z.ZodOptional<z.ZodRecord<z.ZodString, z.ZodString>>;
    body: z.ZodOptional<z.ZodUnion<readonly [z.ZodString, z.ZodRecord<z.ZodString, z.ZodUnknown>, z.ZodArray<z.ZodUnknown>]>>;
    tokenField: z.ZodDefault<z.ZodString>;
    header: z.ZodDefault<z.ZodString>;
    prefix: z.ZodDefault<z.ZodString>;
}, z.core.$strict>;
export declare const WorkloadSchema: z.ZodObject<{
    baseUrl: z.ZodURL;
    requests: z.ZodArray<z.ZodObject<{
        name: z.ZodOptional<z.ZodString>;
        method: z.ZodDefault<z.ZodPreprocess<z.ZodEnum<{
            GET: "GET";
            POST: "POST";
            PUT: "PUT";
            PATCH: "PATCH";
            DELETE: "DELETE";
            HEAD: "HEAD";
            OPTIONS: "OPTIONS";
        }>, unknown>>;
        path: z.ZodString;
        headers: z.ZodOptional<z.ZodRecord<z.ZodString, z.ZodString>>;
        body: z.ZodOptional<z.ZodUnion<readonly [z.ZodString, z.ZodRecord<z.ZodString, z.ZodUnknown>, z.ZodArray<z.ZodUnknown>]>>;
        weight: z.ZodDefault<z.ZodNumber>;
        expectStatus: z.ZodOptional<z.ZodUnion<readonly [z.ZodNumber, z.ZodArray<z.ZodNumber>]>>;
    }, z.core.$strict>>;
    login: z.ZodOptional<z.ZodObject<{
        name: z.ZodOptional<z.ZodString>;
        method: z.ZodDefault<z.ZodPreprocess<z.ZodEnum<{
            GET: "GET";
            POST: "POST";
            PUT: "PUT";
            PATCH: "PATCH";
            DELETE: "DELETE";
            HEAD: "HEAD";
            OPTIONS: "OPTIONS";
        }>, unknown>>;
        path: z.ZodString;
        headers: z.ZodOptional<z.ZodRecord<z.ZodString, z.ZodString>>;
        body: z.ZodOptional<z.ZodUnion<readonly [z.ZodString, z.ZodRecord<z.ZodString, z.ZodUnknown>, z.ZodArray<z.ZodUnknown>]>>;
        tokenField: z.ZodDefault<z.ZodString>;
        header: z.ZodDefault<z.ZodString>;
        prefix: z.ZodDefault<z.ZodString>;
    }, z.core.$strict>>;
    connections: z.ZodDefault<z.ZodNumber>;
    arrivalRate: z.ZodOptional<z.ZodNumber>;
    duration: z.ZodPipe<z.ZodUnion<readonly [z.ZodNumber, z.ZodString]>, z.ZodTransform<number, string | number>>;
    rampUp: z.ZodDefault<z.ZodPipe<z.ZodUnion<readonly [z.ZodNumber, z.ZodString]>, z.ZodTransform<number, string | number>>>;
    timeout: z.ZodDefault<z.ZodPipe<z.ZodUnion<readonly [z.ZodNumber, z.ZodString]>, z.ZodTransform<number, string | number>>>;
    tags: z.ZodDefault<z.ZodRecord<z.ZodString, z.ZodString>>;
}, z.core.$strict>;
export type Workload = z.output<typeof WorkloadSchema>;
export type WorkloadInput = z.input<typeof WorkloadSchema>;
export type WorkloadRequest = z.output<typeof WorkloadRequestSchema>;
export type WorkloadLogin = z.output<typeof WorkloadLoginSchema>;
/** The `name` tag of a request: its own name, or `METHOD path` as k6 would show it. */
export declare function requestName(r: {
    readonly name?: string | undefined;
    readonly method: string;
    readonly path: string;
}): string;
/** Whether a status is expected for this request (k6's default: 200–399). */
export declare function isExpectedStatus(status: number, expect: WorkloadRequest['expectStatus']): boolean;
