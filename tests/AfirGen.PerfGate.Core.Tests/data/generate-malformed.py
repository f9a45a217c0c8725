#!/usr/bin/env python3
"""Writes the generated part of the malformed-input corpus and its manifest.

Run from anywhere: python3 generate-malformed.py. The output is deterministic; commit it.

Each case is one valid control document (malformed-controls/) with exactly one thing broken, so a
file that is rejected is rejected for the reason its name gives. malformed.tsv lists every file of
malformed/ (hand-made ones too) with the reader that must reject it and the field the one-line
error must name: a JSON path, a config key path, or "-" when the whole file is broken below the
JSON level (bytes, emptiness).
"""

import copy
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "malformed")
CONTROLS = os.path.join(HERE, "malformed-controls")
MANIFEST = os.path.join(HERE, "malformed.tsv")
MB = 1024 * 1024

# ---------------------------------------------------------------- valid controls

LATENCY = {"count": 100, "min": 1000, "max": 9000, "mean": 2000, "stdDev": 500,
           "p50": 1900, "p90": 3000, "p95": 4000, "p99": 8000, "p999": 9000}

RESULTS = {
    "schema": "perfgate/results@1",
    "createdAt": "2026-11-27T02:31:51+00:00",
    "incomplete": False,
    "environment": {"os": "Linux", "cpu": "AMD EPYC", "cores": 2, "runtime": ".NET 10.0.12",
                    "architecture": "X64", "gcMode": "Workstation, Concurrent"},
    "source": {"commit": "4f547cb", "branch": "main"},
    "benchmarks": [
        {
            "id": "Sample.Parse(Size: 10)",
            "category": "micro",
            "status": "succeeded",
            "parameters": {"Size": "10"},
            "launchNoise": 0.05,
            "launches": [{"samples": [36.9, 37.4, 36.5], "round": 1}, {"samples": [37.1, 36.8], "round": 2}],
            "memory": {"allocatedBytesPerOperation": 152, "gen0PerThousand": 0.009,
                       "gen1PerThousand": 0, "gen2PerThousand": 0},
        },
        {
            "id": "api/get_fir@c10",
            "category": "api",
            "status": "succeeded",
            "parameters": {},
            "launches": [],
            "latency": dict(LATENCY),
            "scenario": {
                "concurrency": 10, "throughput": 50.5, "requests": 101, "errors": {"timeout": 1},
                "hitRate": 0.5, "histogram": "SGlzdA==", "rate": 50, "lateStarts": 0, "droppedStarts": 0,
                "serverHitRate": 0.5, "improvement": 0.3, "poolAcquire": dict(LATENCY),
                "system": {"samples": 10, "machineCpu": 0.5, "machineCpuMax": 0.9, "generatorCpu": 0.2,
                           "generatorCpuMax": 0.3, "generatorMemoryMax": 1000000, "targetCpu": 0.3,
                           "targetCpuMax": 0.4, "targetMemoryMax": 2000000, "diskReadBytes": 0,
                           "diskWriteBytes": 4096, "gen0Collections": 3, "gen1Collections": 1,
                           "gen2Collections": 0},
                "warnings": ["generator CPU above 80%"],
            },
        },
    ],
    "skipped": [{"id": "db/orders", "reason": "PERFGATE_MYSQL is not set"}],
}


def measurement(stage, launch, index, operations, nanoseconds):
    return {"IterationMode": "Workload", "IterationStage": stage, "LaunchIndex": launch,
            "IterationIndex": index, "Operations": operations, "Nanoseconds": nanoseconds}


BDN_ENV = {"BenchmarkDotNetCaption": "BenchmarkDotNet", "BenchmarkDotNetVersion": "0.15.8",
           "OsVersion": "Linux", "ProcessorName": "AMD EPYC", "LogicalCoreCount": 2,
           "RuntimeVersion": ".NET 10.0.12", "Architecture": "X64", "HasServerGC": False, "HasConcurrentGC": True}

BDN_FULL = {
    "Title": "Sample-20261127-023151",
    "HostEnvironmentInfo": dict(BDN_ENV),
    "Benchmarks": [
        {
            "DisplayInfo": "Sample.Parse: DefaultJob [Size=10]", "Namespace": "Bench", "Type": "Sample",
            "Method": "Parse", "MethodTitle": "Parse", "Parameters": "Size=10",
            "FullName": "Bench.Sample.Parse(Size: 10)",
            "Statistics": {"OriginalValues": [36.9, 37.4, 36.5], "N": 3},
            "Memory": {"Gen0Collections": 152, "Gen1Collections": 0, "Gen2Collections": 0,
                       "TotalOperations": 16777216, "BytesAllocatedPerOperation": 152},
            "Measurements": [
                measurement("Warmup", 1, 1, 1048576, 40000000),
                measurement("Actual", 1, 1, 1048576, 38700000),
                measurement("Actual", 1, 2, 1048576, 39200000),
                measurement("Actual", 2, 1, 1048576, 38300000),
            ],
        },
        {
            "DisplayInfo": "Sample.Sum: DefaultJob", "Namespace": "Bench", "Type": "Sample", "Method": "Sum",
            "MethodTitle": "Sum", "Parameters": "", "FullName": "Bench.Sample.Sum",
            "Statistics": {"OriginalValues": [12.5, 12.7], "N": 2},
            "Memory": {"Gen0Collections": 0, "Gen1Collections": 0, "Gen2Collections": 0,
                       "TotalOperations": 16777216, "BytesAllocatedPerOperation": 0},
            "Measurements": [
                measurement("Actual", 1, 1, 2097152, 26214400),
                measurement("Actual", 1, 2, 2097152, 26633830),
            ],
        },
    ],
}

BDN_BRIEF = copy.deepcopy(BDN_FULL)
for _b in BDN_BRIEF["Benchmarks"]:
    del _b["Measurements"]

CONFIG = {
    "$schema": "https://afirgen.dev/perfgate.schema.json",
    "defaults": {"regression": "5%", "alpha": 0.05, "launchNoise": "3%", "allocationRegression": "0%",
                 "thresholds": ["p95<100ms", "allocated<=1KB"]},
    "benchmarks": {"*Parse*": ["regression<10%", "mean<50us"]},
    "projects": ["bench/Bench.csproj"],
    "scenarios": {
        "load": {"levels": [1, 5], "warmup": "1s", "duration": "5s", "timeout": "5s"},
        "api": [{
            "name": "get_fir", "method": "GET", "url": "http://127.0.0.1:5000/firs/{id}",
            "headers": {"Accept": "application/json"}, "variables": {"id": {"range": [1, 100]}},
            "expect": {"status": [200], "body": "fir"}, "http": "1.1", "insecure": False,
        }],
        "db": [{
            "name": "orders", "connection": "env:PERFGATE_MYSQL", "setup": ["CREATE TABLE t (id INT)"],
            "teardown": ["DROP TABLE t"], "query": "SELECT * FROM t WHERE id = {id}",
            "variables": {"id": {"list": [1, 2, 3], "pick": "sequential"}}, "explain": "warn", "pooled": True,
        }],
        "cache": [{
            "name": "fir_cache", "connection": "env:PERFGATE_REDIS", "operation": "get-or-fetch",
            "prefix": "perfgate:", "keys": 100, "valueSize": 64, "readRatio": 0.8, "ttl": "60s",
            "fetch": {"delay": "5ms"}, "compareUncached": True, "connections": 1,
        }],
    },
    "target": {"command": ["dotnet", "run"], "url": "http://127.0.0.1:5000", "ready": "/health",
               "env": {"ASPNETCORE_ENVIRONMENT": "Production"}, "startTimeout": "30s"},
}

# ---------------------------------------------------------------- helpers


def dump(doc, indent):
    return json.dumps(doc, indent=indent, ensure_ascii=False)


def at(doc, path):
    """The container and key a path like 'benchmarks.0.launches' ends at."""
    keys = [int(k) if k.isdigit() else k for k in path.split(".")]
    node = doc
    for k in keys[:-1]:
        node = node[k]
    return node, keys[-1]


RAW = "@@raw@@"

# Where a truncated file ends depends on the cut; its error must still name a JSON path (and the line and byte).
ANY_PATH = "$*"


def setting(base, path, value, indent):
    """The base document with one value replaced; a value raw(...) is written as literal JSON text."""
    doc = copy.deepcopy(base)
    node, key = at(doc, path)
    if isinstance(node, list) and key == len(node):
        node.append(value)
    else:
        node[key] = value
    text = dump(doc, indent)
    if isinstance(value, str) and value.startswith(RAW):
        assert json.dumps(value) in text, path
        text = text.replace(json.dumps(value), value[len(RAW):], 1)
    return text


def removing(base, path, indent):
    doc = copy.deepcopy(base)
    node, key = at(doc, path)
    del node[key]
    return dump(doc, indent)


def raw(text):
    return RAW + text


def nested(depth, open_, close, inner="1"):
    return open_ * depth + inner + close * depth


# ---------------------------------------------------------------- cases

cases = []  # (file name, reader, expected field, bytes)


def add(name, reader, field, content):
    data = content.encode("utf-8") if isinstance(content, str) else content
    cases.append((name, reader, field, data))


def byte_cases(prefix, suffix, reader, base_text, word=b"Linux"):
    """Breakage below the JSON level, the same for every reader; invalid bytes go inside <word>."""
    body = base_text.encode("utf-8")
    assert word in body
    broken = word[:3]
    add(f"{prefix}empty-file{suffix}", reader, "-", b"")
    add(f"{prefix}whitespace-tabs-newlines{suffix}", reader, "-", b" \t\r\n \n\t ")
    add(f"{prefix}bom-only{suffix}", reader, "-", b"\xef\xbb\xbf")
    add(f"{prefix}bom-then-whitespace{suffix}", reader, "-", b"\xef\xbb\xbf  \n")
    add(f"{prefix}double-utf8-bom{suffix}", reader, "$", b"\xef\xbb\xbf\xef\xbb\xbf" + body)
    add(f"{prefix}utf16le-bom{suffix}", reader, "-", b"\xff\xfe" + base_text.encode("utf-16-le"))
    add(f"{prefix}utf16be-bom{suffix}", reader, "-", b"\xfe\xff" + base_text.encode("utf-16-be"))
    add(f"{prefix}utf16le-no-bom{suffix}", reader, "$", base_text.encode("utf-16-le"))
    add(f"{prefix}utf32le-bom{suffix}", reader, "-", b"\xff\xfe\x00\x00" + base_text.encode("utf-32-le"))
    add(f"{prefix}invalid-utf8-lone-continuation{suffix}", reader, "-", body.replace(word, broken + b"\x80" + word[3:], 1))
    add(f"{prefix}invalid-utf8-overlong-slash{suffix}", reader, "-", body.replace(word, broken + b"\xc0\xaf" + word[3:], 1))
    add(f"{prefix}invalid-utf8-encoded-surrogate{suffix}", reader, "-", body.replace(word, broken + b"\xed\xa0\x80" + word[3:], 1))
    add(f"{prefix}invalid-utf8-ff-byte{suffix}", reader, "-", body.replace(word, broken + b"\xff" + word[3:], 1))
    add(f"{prefix}invalid-utf8-cut-sequence-at-end{suffix}", reader, "-", body + b"\xe2\x82")
    add(f"{prefix}invalid-utf8-in-property-name{suffix}", reader, "-", body.replace(b'"', b'"\xfe', 1))
    add(f"{prefix}nul-bytes{suffix}", reader, "$", b"\x00" * 16)
    add(f"{prefix}json-null{suffix}", reader, "$", b"null")
    add(f"{prefix}json-array{suffix}", reader, "$", b"[]")
    add(f"{prefix}json-string{suffix}", reader, "$", b'"perfgate"')
    add(f"{prefix}json-number{suffix}", reader, "$", b"0")
    add(f"{prefix}json-true{suffix}", reader, "$", b"true")
    add(f"{prefix}two-documents{suffix}", reader, "$", body + b"\n" + body)
    # The first container too deep is the 65th: its path is the one named.
    too_deep_array, too_deep_object = "$" + "[0]" * 64, "$" + ".a" * 64
    add(f"{prefix}nesting-65-levels{suffix}", reader, too_deep_array, nested(65, "[", "]"))
    add(f"{prefix}nesting-1000-arrays{suffix}", reader, too_deep_array, nested(1000, "[", "]"))
    add(f"{prefix}nesting-1000-objects{suffix}", reader, too_deep_object, nested(1000, '{"a":', "}"))
    add(f"{prefix}nesting-100000-arrays{suffix}", reader, too_deep_array, nested(100000, "[", "]"))
    add(f"{prefix}nesting-100000-unclosed{suffix}", reader, too_deep_array, "[" * 100000)
    for cut in (1, 2, 17, 100, 333, len(body) // 2, len(body) - 2, len(body) - 1):
        add(f"{prefix}truncated-at-{cut:05d}{suffix}", reader, ANY_PATH, body[:cut])


# --- results@1 ---------------------------------------------------------------

R = "results"
RI = 2


def r_set(name, path, value, field):
    add(f"results-{name}.json", R, field, setting(RESULTS, path, value, RI))


def r_del(name, path, field):
    add(f"results-{name}.json", R, field, removing(RESULTS, path, RI))


byte_cases("results-", ".json", R, dump(RESULTS, RI))

B0 = "$.benchmarks[0]"
B1 = "$.benchmarks[1]"
SC = f"{B1}.scenario"

# Schema version.
for name, value in [("schema-v2", "perfgate/results@2"), ("schema-v0", "perfgate/results@0"),
                    ("schema-no-version", "perfgate/results"), ("schema-upper-case", "PERFGATE/RESULTS@1"),
                    ("schema-trailing-space", "perfgate/results@1 "), ("schema-empty", ""),
                    ("schema-huge", "perfgate/results@" + "9" * MB)]:
    r_set(name, "schema", value, "$.schema")
r_set("schema-terminal-escape", "schema", "\u001b[2J\u001b[31mperfgate/results@1", "$.schema")
r_set("category-vertical-tab", "benchmarks.0.category", "micro\u000bfake: line", f"{B0}.category")
r_set("schema-number", "schema", 1, "$.schema")
r_set("schema-array", "schema", ["perfgate/results@1"], "$.schema")
r_set("schema-null", "schema", None, "$")

# NaN and infinities, as literals (rejected by the JSON reader), as strings and as overflowing numbers.
S = f"{B0}.launches[0].samples[1]"
r_set("sample-nan-literal-2", "benchmarks.0.launches.0.samples.1", raw("NaN"), S)
r_set("sample-negative-infinity-literal", "benchmarks.0.launches.0.samples.1", raw("-Infinity"), S)
r_set("sample-negative-infinity-string", "benchmarks.0.launches.0.samples.1", "-Infinity", S)
r_set("sample-nan-lower-case-string", "benchmarks.0.launches.0.samples.1", "nan", S)
r_set("sample-negative-overflow", "benchmarks.0.launches.0.samples.1", raw("-1e400"), S)
r_set("sample-huge-digits", "benchmarks.0.launches.0.samples.1", raw("9" * 400), S)
r_set("sample-1mb-digits", "benchmarks.0.launches.0.samples.1", raw("1" + "0" * MB), S)
r_set("sample-1mb-fraction-underflow", "benchmarks.0.launches.0.samples.1", raw("0." + "0" * MB + "1"), S)
r_set("latency-p95-infinity-string", "benchmarks.1.latency.p95", "Infinity", f"{B1}.latency.p95")
r_set("latency-mean-overflow", "benchmarks.1.latency.mean", raw("1e999"), f"{B1}.latency.mean")
r_set("throughput-overflow", "benchmarks.1.scenario.throughput", raw("1e400"), f"{SC}.throughput")
r_set("hit-rate-nan-literal", "benchmarks.1.scenario.hitRate", raw("NaN"), f"{SC}.hitRate")
r_set("improvement-nan-string", "benchmarks.1.scenario.improvement", "NaN", f"{SC}.improvement")
r_set("gen0-infinity-string", "benchmarks.0.memory.gen0PerThousand", "Infinity", f"{B0}.memory.gen0PerThousand")
r_set("machine-cpu-overflow", "benchmarks.1.scenario.system.machineCpu", raw("1e309"), f"{SC}.system.machineCpu")

# Zero and negative times.
r_set("sample-negative-zero", "benchmarks.0.launches.0.samples.0", raw("-0.0"), f"{B0}.launches[0].samples[0]")
r_set("sample-underflow-to-zero", "benchmarks.0.launches.0.samples.0", raw("1e-400"), f"{B0}.launches[0].samples[0]")
r_set("sample-negative-second-launch", "benchmarks.0.launches.1.samples.1", -37.1, f"{B0}.launches[1].samples[1]")
r_set("latency-min-zero", "benchmarks.1.latency.min", 0, f"{B1}.latency.min")
r_set("latency-mean-negative", "benchmarks.1.latency.mean", -2000, f"{B1}.latency.mean")
r_set("latency-max-negative", "benchmarks.1.latency.max", -1, f"{B1}.latency.max")
r_set("latency-p999-zero", "benchmarks.1.latency.p999", 0, f"{B1}.latency.p999")
r_set("latency-stddev-negative", "benchmarks.1.latency.stdDev", -5, f"{B1}.latency.stdDev")
r_set("pool-acquire-p95-zero", "benchmarks.1.scenario.poolAcquire.p95", 0, f"{SC}.poolAcquire.p95")
r_set("rate-zero", "benchmarks.1.scenario.rate", 0, f"{SC}.rate")
r_set("throughput-negative", "benchmarks.1.scenario.throughput", -50.5, f"{SC}.throughput")

# Duplicates.
dup_text = dump(RESULTS, RI)
add("results-duplicate-benchmark-property.json", R, f"{B0}.status",
    dup_text.replace('"status": "succeeded",', '"status": "succeeded",\n      "status": "failed",', 1))
add("results-duplicate-samples-property.json", R, f"{B0}.launches[0].samples",
    dup_text.replace('"round": 1', '"round": 1,\n          "samples": [1]', 1))
add("results-duplicate-parameter.json", R, f"{B0}.parameters.Size",
    dup_text.replace('"Size": "10"', '"Size": "10", "Size": "100"', 1))
add("results-duplicate-error-class.json", R, f"{SC}.errors.timeout",
    dup_text.replace('"timeout": 1', '"timeout": 1, "timeout": 2', 1))
add("results-duplicate-environment.json", R, "$.environment",
    dup_text.replace('"source": {', '"environment": {},\n  "source": {', 1))
add("results-duplicate-property-escaped.json", R, "$.incomplete",
    dup_text.replace('"incomplete": false,', '"incomplete": false,\n  "\\u0069ncomplete": true,', 1))
r_set("duplicate-id-second-micro", "benchmarks.1", dict(RESULTS["benchmarks"][0]), f"{B1}.id")
r_set("duplicate-property-case-variant", "benchmarks.0.Id", "x", f"{B0}.Id")

# Huge names.
r_set("huge-id-1mb", "benchmarks.0.id", "B" * MB, f"{B0}.id")
r_set("huge-parameter-name-1mb", "benchmarks.0.parameters", {"P" * MB: "1"}, f"{B0}.parameters." + "P" * MB)
r_set("huge-parameter-value-1mb", "benchmarks.0.parameters.Size", "9" * MB, f"{B0}.parameters.Size")
r_set("huge-unknown-property-name-1mb", "benchmarks.0." + "u" * MB, 1, f"{B0}." + "u" * MB)
r_set("huge-category-1mb", "benchmarks.0.category", "m" * MB, f"{B0}.category")
r_set("huge-created-at-1mb", "createdAt", "2" * MB, "$.createdAt")
r_set("huge-error-class-1mb", "benchmarks.1.scenario.errors", {"e" * MB: 1}, f"{SC}.errors." + "e" * MB)
r_set("huge-skipped-id-1mb", "skipped.0.id", "s" * MB, "$.skipped[0].id")

# Wrong types, field by field.
for name, path, value, field in [
    ("created-at-number", "createdAt", 20261127, "$.createdAt"),
    ("created-at-no-offset", "createdAt", "yesterday", "$.createdAt"),
    ("incomplete-number", "incomplete", 0, "$.incomplete"),
    ("environment-array", "environment", [], "$.environment"),
    ("environment-os-number", "environment.os", 10, "$.environment.os"),
    ("environment-cores-fraction", "environment.cores", 2.5, "$.environment.cores"),
    ("environment-cores-negative", "environment.cores", -2, "$.environment.cores"),
    ("environment-cores-too-large", "environment.cores", 10000000000, "$.environment.cores"),
    ("environment-gc-mode-object", "environment.gcMode", {}, "$.environment.gcMode"),
    ("source-string", "source", "main", "$.source"),
    ("source-commit-number", "source.commit", 4547, "$.source.commit"),
    ("benchmarks-object", "benchmarks", {}, "$.benchmarks"),
    ("benchmark-string", "benchmarks.0", "Sample.Parse", B0),
    ("id-number", "benchmarks.0.id", 7, f"{B0}.id"),
    ("id-whitespace", "benchmarks.0.id", " \t ", f"{B0}.id"),
    ("category-number", "benchmarks.0.category", 0, f"{B0}.category"),
    ("status-boolean", "benchmarks.0.status", True, f"{B0}.status"),
    ("error-number", "benchmarks.0.error", 1, f"{B0}.error"),
    ("parameters-array", "benchmarks.0.parameters", ["Size=10"], f"{B0}.parameters"),
    ("parameter-value-number", "benchmarks.0.parameters.Size", 10, f"{B0}.parameters.Size"),
    ("launch-noise-string", "benchmarks.0.launchNoise", "5%", f"{B0}.launchNoise"),
    ("launches-object", "benchmarks.0.launches", {}, f"{B0}.launches"),
    ("launch-array", "benchmarks.0.launches.0", [36.9], f"{B0}.launches[0]"),
    ("sample-boolean", "benchmarks.0.launches.0.samples.2", True, f"{B0}.launches[0].samples[2]"),
    ("sample-numeric-string", "benchmarks.0.launches.0.samples.2", "36.5", f"{B0}.launches[0].samples[2]"),
    ("sample-nested-array", "benchmarks.0.launches.0.samples.2", [36.5], f"{B0}.launches[0].samples[2]"),
    ("round-zero", "benchmarks.0.launches.0.round", 0, f"{B0}.launches[0].round"),
    ("round-string", "benchmarks.0.launches.0.round", "1", f"{B0}.launches[0].round"),
    ("memory-array", "benchmarks.0.memory", [], f"{B0}.memory"),
    ("allocated-fraction", "benchmarks.0.memory.allocatedBytesPerOperation", 1.5, f"{B0}.memory.allocatedBytesPerOperation"),
    ("allocated-exponent", "benchmarks.0.memory.allocatedBytesPerOperation", raw("1.52e2"), f"{B0}.memory.allocatedBytesPerOperation"),
    ("allocated-beyond-int64", "benchmarks.0.memory.allocatedBytesPerOperation", raw("99999999999999999999"), f"{B0}.memory.allocatedBytesPerOperation"),
    ("gen1-string", "benchmarks.0.memory.gen1PerThousand", "0", f"{B0}.memory.gen1PerThousand"),
    ("gen2-negative", "benchmarks.0.memory.gen2PerThousand", -0.5, f"{B0}.memory.gen2PerThousand"),
    ("latency-string", "benchmarks.1.latency", "fast", f"{B1}.latency"),
    ("latency-count-negative", "benchmarks.1.latency.count", -1, f"{B1}.latency.count"),
    ("scenario-array", "benchmarks.1.scenario", [], f"{SC}"),
    ("concurrency-zero", "benchmarks.1.scenario.concurrency", 0, f"{SC}.concurrency"),
    ("throughput-string", "benchmarks.1.scenario.throughput", "50/s", f"{SC}.throughput"),
    ("requests-fraction", "benchmarks.1.scenario.requests", 100.5, f"{SC}.requests"),
    ("errors-array", "benchmarks.1.scenario.errors", ["timeout"], f"{SC}.errors"),
    ("error-count-string", "benchmarks.1.scenario.errors.timeout", "1", f"{SC}.errors.timeout"),
    ("hit-rate-string", "benchmarks.1.scenario.hitRate", "50%", f"{SC}.hitRate"),
    ("hit-rate-negative", "benchmarks.1.scenario.hitRate", -0.1, f"{SC}.hitRate"),
    ("histogram-number", "benchmarks.1.scenario.histogram", 42, f"{SC}.histogram"),
    ("late-starts-negative", "benchmarks.1.scenario.lateStarts", -1, f"{SC}.lateStarts"),
    ("dropped-starts-string", "benchmarks.1.scenario.droppedStarts", "0", f"{SC}.droppedStarts"),
    ("server-hit-rate-above-one", "benchmarks.1.scenario.serverHitRate", 2, f"{SC}.serverHitRate"),
    ("pool-acquire-number", "benchmarks.1.scenario.poolAcquire", 5, f"{SC}.poolAcquire"),
    ("system-array", "benchmarks.1.scenario.system", [], f"{SC}.system"),
    ("system-samples-negative", "benchmarks.1.scenario.system.samples", -1, f"{SC}.system.samples"),
    ("system-generator-memory-fraction", "benchmarks.1.scenario.system.generatorMemoryMax", 0.5, f"{SC}.system.generatorMemoryMax"),
    ("system-gen2-string", "benchmarks.1.scenario.system.gen2Collections", "0", f"{SC}.system.gen2Collections"),
    ("warnings-string", "benchmarks.1.scenario.warnings", "slow", f"{SC}.warnings"),
    ("warning-number", "benchmarks.1.scenario.warnings.0", 80, f"{SC}.warnings[0]"),
    ("skipped-object", "skipped", {}, "$.skipped"),
    ("skipped-reason-number", "skipped.0.reason", 1, "$.skipped[0].reason"),
    ("skipped-id-empty", "skipped.0.id", "", "$.skipped[0].id"),
]:
    r_set(name, path, value, field)

# Unknown enum values.
r_set("category-capitalised", "benchmarks.0.category", "Micro", f"{B0}.category")
r_set("category-load", "benchmarks.0.category", "load", f"{B0}.category")
r_set("status-ok", "benchmarks.0.status", "ok", f"{B0}.status")
r_set("status-passed", "benchmarks.1.status", "passed", f"{B1}.status")

# Missing required fields and unknown ones.
r_del("missing-category", "benchmarks.0.category", B0)
r_del("missing-status", "benchmarks.0.status", B0)
r_del("missing-parameters", "benchmarks.0.parameters", B0)
r_del("missing-launches", "benchmarks.0.launches", B0)
r_del("missing-samples", "benchmarks.0.launches.0.samples", f"{B0}.launches[0]")
r_del("missing-latency-p95", "benchmarks.1.latency.p95", f"{B1}.latency")
r_del("missing-throughput", "benchmarks.1.scenario.throughput", SC)
r_del("missing-gen0", "benchmarks.0.memory.gen0PerThousand", f"{B0}.memory")
r_del("missing-environment", "environment", "$")
r_del("missing-incomplete", "incomplete", "$")
r_del("missing-skipped-reason", "skipped.0.reason", "$.skipped[0]")
r_set("unknown-root-property", "version", 1, "$.version")
r_set("unknown-environment-property", "environment.memory", "8GB", "$.environment.memory")
r_set("unknown-launch-property", "benchmarks.0.launches.0.sample", [1], f"{B0}.launches[0].sample")
r_set("unknown-memory-property", "benchmarks.0.memory.allocated", 1, f"{B0}.memory.allocated")
r_set("unknown-latency-property", "benchmarks.1.latency.p75", 1, f"{B1}.latency.p75")
r_set("unknown-scenario-property", "benchmarks.1.scenario.p95", 1, f"{SC}.p95")
r_set("unknown-system-property", "benchmarks.1.scenario.system.cpu", 1, f"{SC}.system.cpu")
r_set("succeeded-micro-without-launches", "benchmarks.0.launches", [], f"{B0}.launches")
r_set("trailing-comma", "benchmarks.0.launches.0.samples", raw("[36.9, 37.4,]"), f"{B0}.launches[0].samples[2]")
r_set("comment", "incomplete", raw("false /* not yet */"), "$")
r_set("single-quoted-string", "environment.os", raw("'Linux'"), "$.environment.os")
r_set("leading-zero-number", "benchmarks.0.launches.0.samples.0", raw("036.9"), f"{B0}.launches[0].samples[0]")
r_set("hex-number", "benchmarks.0.launches.0.samples.0", raw("0x24"), f"{B0}.launches[0].samples[0]")
r_set("unescaped-control-character", "environment.os", raw('"Lin\tux"'), "$.environment.os")

# --- baselines: a results@1 file whose stored noise model is broken ------------

for name, value, field in [
    ("launch-noise-negative", -0.05, f"{B0}.launchNoise"),
    ("launch-noise-nan-string", "NaN", f"{B0}.launchNoise"),
    ("launch-noise-overflow", raw("1e400"), f"{B0}.launchNoise"),
    ("launch-noise-infinity-literal", raw("Infinity"), f"{B0}.launchNoise"),
    ("launch-noise-object", {"cv": 0.05}, f"{B0}.launchNoise"),
]:
    add(f"baseline-{name}.json", R, field, setting(RESULTS, "benchmarks.0.launchNoise", value, RI))
add("baseline-incomplete-string.json", R, "$.incomplete", setting(RESULTS, "incomplete", "true", RI))
add("baseline-round-negative.json", R, f"{B0}.launches[1].round", setting(RESULTS, "benchmarks.0.launches.1.round", -2, RI))
add("baseline-launches-all-empty.json", R, f"{B0}.launches[0].samples",
    setting(RESULTS, "benchmarks.0.launches", [{"samples": []}, {"samples": []}], RI))

# --- BenchmarkDotNet exports -------------------------------------------------

D = "bdn"
DI = 3
F = "-report-full.json"
FC = "-report-full-compressed.json"
BR = "-report-brief.json"
BB0 = "$.Benchmarks[0]"
M = f"{BB0}.Measurements"


def d_set(name, path, value, field, base=BDN_FULL, suffix=F, indent=DI):
    add(f"bdn-{name}{suffix}", D, field, setting(base, path, value, indent))


byte_cases("bdn-", F, D, dump(BDN_FULL, DI))
compressed = json.dumps(BDN_FULL, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
for cut in (1, 40, 400, len(compressed) // 2, len(compressed) - 1):
    add(f"bdn-truncated-at-{cut:05d}{FC}", D, ANY_PATH, compressed[:cut])
brief = dump(BDN_BRIEF, DI).encode("utf-8")
for cut in (3, len(brief) // 2, len(brief) - 1):
    add(f"bdn-truncated-at-{cut:05d}{BR}", D, ANY_PATH, brief[:cut])

for name, path, value, field in [
    ("nanoseconds-nan-string", "Benchmarks.0.Measurements.1.Nanoseconds", "NaN", f"{M}[1].Nanoseconds"),
    ("nanoseconds-nan-literal", "Benchmarks.0.Measurements.1.Nanoseconds", raw("NaN"), f"{M}[1].Nanoseconds"),
    ("nanoseconds-overflow", "Benchmarks.0.Measurements.1.Nanoseconds", raw("1e400"), f"{M}[1].Nanoseconds"),
    ("nanoseconds-negative-infinity-string", "Benchmarks.0.Measurements.2.Nanoseconds", "-Infinity", f"{M}[2].Nanoseconds"),
    ("nanoseconds-negative-zero", "Benchmarks.0.Measurements.1.Nanoseconds", raw("-0"), f"{M}[1].Nanoseconds"),
    ("nanoseconds-underflow", "Benchmarks.0.Measurements.1.Nanoseconds", raw("4e-400"), f"{M}[1].Nanoseconds"),
    ("nanoseconds-1mb-digits", "Benchmarks.0.Measurements.1.Nanoseconds", raw("9" * MB), f"{M}[1].Nanoseconds"),
    ("nanoseconds-string", "Benchmarks.0.Measurements.1.Nanoseconds", "38700000", f"{M}[1].Nanoseconds"),
    ("operations-negative", "Benchmarks.0.Measurements.1.Operations", -1048576, f"{M}[1].Operations"),
    ("operations-fraction", "Benchmarks.0.Measurements.1.Operations", 0.5, f"{M}[1].Operations"),
    ("operations-overflow", "Benchmarks.0.Measurements.1.Operations", raw("1e400"), f"{M}[1].Operations"),
    ("launch-index-negative", "Benchmarks.0.Measurements.1.LaunchIndex", -1, f"{M}[1].LaunchIndex"),
    ("iteration-mode-number", "Benchmarks.0.Measurements.1.IterationMode", 1, f"{M}[1].IterationMode"),
    ("iteration-stage-null", "Benchmarks.0.Measurements.1.IterationStage", None, f"{M}[1]"),
    ("measurements-object", "Benchmarks.0.Measurements", {}, M),
    ("measurement-array", "Benchmarks.0.Measurements.1", [1, 2], f"{M}[1]"),
    ("benchmark-string", "Benchmarks.0", "Bench.Sample.Parse", BB0),
    ("benchmarks-null", "Benchmarks", None, "$"),
    ("full-name-number", "Benchmarks.0.FullName", 1, f"{BB0}.FullName"),
    ("full-name-whitespace", "Benchmarks.0.FullName", "   ", f"{BB0}.FullName"),
    ("full-name-1mb", "Benchmarks.0.FullName", "N" * MB, f"{BB0}.FullName"),
    ("parameters-number", "Benchmarks.0.Parameters", 10, f"{BB0}.Parameters"),
    ("parameters-1mb", "Benchmarks.0.Parameters", "Size=" + "9" * MB, f"{BB0}.Parameters"),
    ("duplicate-full-name-in-second", "Benchmarks.1.FullName", "Bench.Sample.Parse(Size: 10)", "$.Benchmarks[1].FullName"),
    ("memory-array", "Benchmarks.0.Memory", [], f"{BB0}.Memory"),
    ("bytes-allocated-string", "Benchmarks.0.Memory.BytesAllocatedPerOperation", "152 B", f"{BB0}.Memory.BytesAllocatedPerOperation"),
    ("bytes-allocated-fraction", "Benchmarks.0.Memory.BytesAllocatedPerOperation", 152.5, f"{BB0}.Memory.BytesAllocatedPerOperation"),
    ("total-operations-negative", "Benchmarks.0.Memory.TotalOperations", -1, f"{BB0}.Memory.TotalOperations"),
    ("gen0-negative", "Benchmarks.0.Memory.Gen0Collections", -152, f"{BB0}.Memory.Gen0Collections"),
    ("gen1-fraction", "Benchmarks.0.Memory.Gen1Collections", 0.5, f"{BB0}.Memory.Gen1Collections"),
    ("host-environment-array", "HostEnvironmentInfo", [], "$.HostEnvironmentInfo"),
    ("logical-cores-string", "HostEnvironmentInfo.LogicalCoreCount", "2", "$.HostEnvironmentInfo.LogicalCoreCount"),
    ("logical-cores-negative", "HostEnvironmentInfo.LogicalCoreCount", -2, "$.HostEnvironmentInfo.LogicalCoreCount"),
    ("server-gc-string", "HostEnvironmentInfo.HasServerGC", "false", "$.HostEnvironmentInfo.HasServerGC"),
    ("os-version-number", "HostEnvironmentInfo.OsVersion", 12, "$.HostEnvironmentInfo.OsVersion"),
    ("title-number", "Title", 20261127, "$.Title"),
]:
    d_set(name, path, value, field)

# Without a FullName the id is built from Type and Method, which are then required and bounded.
no_full_name = copy.deepcopy(BDN_FULL)
del no_full_name["Benchmarks"][0]["FullName"]
d_set("no-full-name-type-missing", "Benchmarks.0.Type", None, BB0, base=no_full_name)
d_set("no-full-name-method-1mb", "Benchmarks.0.Method", "M" * MB, f"{BB0}.Method", base=no_full_name)
d_set("no-full-name-namespace-1mb", "Benchmarks.0.Namespace", "N" * MB, f"{BB0}.Namespace", base=no_full_name)
d_set("no-full-name-type-number", "Benchmarks.0.Type", 5, f"{BB0}.Type", base=no_full_name)

dup_bdn = dump(BDN_FULL, DI)
add(f"bdn-duplicate-nanoseconds-property{F}", D, f"{M}[1].Nanoseconds",
    dup_bdn.replace('"Nanoseconds": 38700000', '"Nanoseconds": 38700000,\n"Nanoseconds": 1', 1))
add(f"bdn-duplicate-benchmarks-property{F}", D, "$.Benchmarks",
    dup_bdn.replace('"Title": "Sample-20261127-023151",', '"Title": "Sample-20261127-023151",\n"Benchmarks": [],', 1))
rm_env = copy.deepcopy(BDN_FULL)
del rm_env["HostEnvironmentInfo"]
add(f"bdn-missing-host-environment{F}", D, "$", dump(rm_env, DI))

for name, path, value, field in [
    ("original-values-infinity-string", "Benchmarks.0.Statistics.OriginalValues.0", "Infinity", f"{BB0}.Statistics.OriginalValues[0]"),
    ("original-values-overflow", "Benchmarks.0.Statistics.OriginalValues.2", raw("-1e400"), f"{BB0}.Statistics.OriginalValues[2]"),
    ("original-values-zero", "Benchmarks.0.Statistics.OriginalValues.1", 0, f"{BB0}.Statistics.OriginalValues[1]"),
    ("original-values-negative", "Benchmarks.1.Statistics.OriginalValues.1", -12.7, "$.Benchmarks[1].Statistics.OriginalValues[1]"),
    ("original-values-object", "Benchmarks.0.Statistics.OriginalValues", {"0": 36.9}, f"{BB0}.Statistics.OriginalValues"),
    ("original-values-string-item", "Benchmarks.0.Statistics.OriginalValues.0", "fast", f"{BB0}.Statistics.OriginalValues[0]"),
    ("statistics-string", "Benchmarks.0.Statistics", "n/a", f"{BB0}.Statistics"),
    ("original-values-nan-literal", "Benchmarks.0.Statistics.OriginalValues.0", raw("NaN"), f"{BB0}.Statistics.OriginalValues[0]"),
]:
    d_set(name, path, value, field, base=BDN_BRIEF, suffix=BR)

# --- perfgate.json ------------------------------------------------------------

C = "config"
CI = 2


def c_set(name, path, value, field):
    add(f"config-{name}.json", C, field, setting(CONFIG, path, value, CI))


def c_del(name, path, field):
    add(f"config-{name}.json", C, field, removing(CONFIG, path, CI))


byte_cases("config-", ".json", C, dump(CONFIG, CI), word=b"Production")

cfg_text = dump(CONFIG, CI)
add("config-duplicate-defaults.json", C, "$.defaults", cfg_text.replace('"benchmarks": {', '"defaults": {},\n  "benchmarks": {', 1))
add("config-duplicate-regression.json", C, "$.defaults.regression", cfg_text.replace('"regression": "5%",', '"regression": "5%", "regression": "50%",', 1))
add("config-duplicate-glob.json", C, "$.benchmarks['*Parse*']", cfg_text.replace('"*Parse*": [', '"*Parse*": [], "*Parse*": [', 1))

DEF = "$.defaults"
for name, path, value, field in [
    ("unknown-top-level", "thresholds", ["p95<1ms"], "$.thresholds"),
    ("schema-number", "$schema", 1, "$.$schema"),
    ("defaults-array", "defaults", [], DEF),
    ("defaults-unknown", "defaults.threshold", "5%", f"{DEF}.threshold"),
    ("regression-number", "defaults.regression", 5, f"{DEF}.regression"),
    ("regression-no-percent", "defaults.regression", "5", f"{DEF}.regression"),
    ("regression-negative", "defaults.regression", "-5%", f"{DEF}.regression"),
    ("regression-nan", "defaults.regression", "NaN%", f"{DEF}.regression"),
    ("regression-infinity", "defaults.regression", "Infinity%", f"{DEF}.regression"),
    ("regression-overflow", "defaults.regression", "1e400%", f"{DEF}.regression"),
    ("regression-too-large", "defaults.regression", "5000%", f"{DEF}.regression"),
    ("regression-fullwidth-digit", "defaults.regression", "\uff15%", f"{DEF}.regression"),
    ("regression-arabic-indic-digit", "defaults.regression", "\u0665%", f"{DEF}.regression"),
    ("regression-terminal-escape", "defaults.regression", "\u001b]0;owned\u00075%", f"{DEF}.regression"),
    ("regression-comma-decimal", "defaults.regression", "2,5%", f"{DEF}.regression"),
    ("regression-1mb", "defaults.regression", "5" * MB + "%", f"{DEF}.regression"),
    ("alpha-string", "defaults.alpha", "0.05", f"{DEF}.alpha"),
    ("alpha-zero", "defaults.alpha", 0, f"{DEF}.alpha"),
    ("alpha-negative", "defaults.alpha", -0.05, f"{DEF}.alpha"),
    ("alpha-overflow", "defaults.alpha", raw("1e400"), f"{DEF}.alpha"),
    ("alpha-nan-literal", "defaults.alpha", raw("NaN"), f"{DEF}.alpha"),
    ("launch-noise-negative", "defaults.launchNoise", "-3%", f"{DEF}.launchNoise"),
    ("allocation-regression-number", "defaults.allocationRegression", 0, f"{DEF}.allocationRegression"),
    ("thresholds-string", "defaults.thresholds", "p95<100ms", f"{DEF}.thresholds"),
    ("thresholds-item-number", "defaults.thresholds.0", 100, f"{DEF}.thresholds[0]"),
    ("benchmarks-array", "benchmarks", [], "$.benchmarks"),
    ("benchmarks-empty-glob", "benchmarks.", ["p95<1ms"], "$.benchmarks['']"),
    ("benchmarks-glob-1mb", "benchmarks." + "*" * MB, ["p95<1ms"], "$.benchmarks['" + "*" * MB + "']"),
    ("benchmarks-glob-not-array", "benchmarks.*Parse*", "p95<1ms", "$.benchmarks['*Parse*']"),
    ("projects-string", "projects", "bench/Bench.csproj", "$.projects"),
    ("projects-item-number", "projects.0", 1, "$.projects[0]"),
    ("projects-item-empty", "projects.0", "", "$.projects[0]"),
    ("projects-item-nul", "projects.0", "bench/\u0000.csproj", "$.projects[0]"),
]:
    c_set(name, path, value, field)

# Threshold expressions, in the suite defaults and in a per-benchmark override.
THRESHOLDS = [
    ("empty", ""), ("blank", "   "), ("metric-only", "p95"), ("no-number", "p95<"), ("no-operator", "p95 100ms"),
    ("double-operator", "p95<<1ms"), ("no-metric", "<1ms"), ("negative", "p95<-1ms"), ("nan", "p95<NaNms"),
    ("infinity", "p95<Infinityms"), ("overflow", "p95<1e999ms"), ("unknown-metric", "foo<1ms"),
    ("unknown-unit", "p95<1parsecs"), ("regression-no-unit", "regression<5"), ("regression-greater", "regression>5%"),
    ("time-percent", "p95<5%"), ("fullwidth-digits", "p95<\uff11\uff10\uff10ms"), ("arabic-indic-digits", "p95<\u0661\u0660ms"),
    ("superscript-digit", "p95<1\u00b2ms"), ("comma-decimal", "p95<1,5ms"), ("zero-time", "p95<0ms"),
    ("underflow-time", "p95<1e-999ms"), ("errors-unit-ms", "errors<1ms"), ("allocated-unit-s", "allocated<=1s"),
    ("throughput-unit-ms", "throughput>=50ms"), ("hitrate-no-unit", "hitrate>=80"), ("equals-operator", "p95=100ms"),
    ("not-equal-operator", "p95!=100ms"), ("trailing-garbage", "p95<100ms;rm"), ("1mb", "p95<" + "1" * MB + "ms"),
    ("metric-1mb", "p" * MB + "<1ms"), ("newline", "p95<100ms\nmean<1ms"), ("nul", "p95<1\u0000ms"),
    ("thin-space-unit", "p95<100\u2009ms"),
]
for name, text in THRESHOLDS:
    c_set(f"threshold-{name}", "defaults.thresholds.1", text, f"{DEF}.thresholds[1]")
for name, text in THRESHOLDS[:6]:
    c_set(f"threshold-override-{name}", "benchmarks.*Parse*.0", text, "$.benchmarks['*Parse*'][0]")

SCN = "$.scenarios"
API = f"{SCN}.api[0]"
DB = f"{SCN}.db[0]"
CACHE = f"{SCN}.cache[0]"
for name, path, value, field in [
    ("scenarios-array", "scenarios", [], SCN),
    ("scenarios-unknown-category", "scenarios.grpc", [], f"{SCN}.grpc"),
    ("load-unknown", "scenarios.load.concurrency", [1], f"{SCN}.load.concurrency"),
    ("load-levels-empty", "scenarios.load.levels", [], f"{SCN}.load.levels"),
    ("load-levels-zero", "scenarios.load.levels.0", 0, f"{SCN}.load.levels[0]"),
    ("load-levels-string", "scenarios.load.levels.1", "5", f"{SCN}.load.levels[1]"),
    ("load-levels-too-large", "scenarios.load.levels.1", 10000000000, f"{SCN}.load.levels[1]"),
    ("load-rates-zero", "scenarios.load.rates", [0], f"{SCN}.load.rates[0]"),
    ("load-rates-nan-string", "scenarios.load.rates", ["NaN"], f"{SCN}.load.rates[0]"),
    ("load-rates-overflow", "scenarios.load.rates", [raw("1e400")], f"{SCN}.load.rates[0]"),
    ("load-workers-zero", "scenarios.load.workers", 0, f"{SCN}.load.workers"),
    ("load-duration-zero", "scenarios.load.duration", "0s", f"{SCN}.load.duration"),
    ("load-duration-negative", "scenarios.load.duration", "-1s", f"{SCN}.load.duration"),
    ("load-duration-number", "scenarios.load.duration", 30, f"{SCN}.load.duration"),
    ("load-duration-parsecs", "scenarios.load.duration", "1parsec", f"{SCN}.load.duration"),
    ("load-duration-too-long", "scenarios.load.duration", "9" * 400 + "h", f"{SCN}.load.duration"),
    ("load-duration-fullwidth", "scenarios.load.duration", "\uff13\uff10s", f"{SCN}.load.duration"),
    ("load-iterations-and-duration", "scenarios.load.iterations", 100, f"{SCN}.load.iterations"),
    ("load-warmup-negative", "scenarios.load.warmup", -1, f"{SCN}.load.warmup"),
    ("load-timeout-zero", "scenarios.load.timeout", "0ms", f"{SCN}.load.timeout"),
    ("api-not-array", "scenarios.api", {}, f"{SCN}.api"),
    ("api-unknown-property", "scenarios.api.0.uri", "http://x", f"{API}.uri"),
    ("api-name-spaces", "scenarios.api.0.name", "get fir", f"{API}.name"),
    ("api-name-1mb", "scenarios.api.0.name", "n" * MB, f"{API}.name"),
    ("api-url-ftp", "scenarios.api.0.url", "ftp://127.0.0.1/x", f"{API}.url"),
    ("api-url-relative", "scenarios.api.0.url", "/firs/{id}", f"{API}.url"),
    ("api-url-undeclared-variable", "scenarios.api.0.url", "http://127.0.0.1:5000/firs/{nope}", f"{API}.url"),
    ("api-method-two-words", "scenarios.api.0.method", "GET POST", f"{API}.method"),
    ("api-http-3", "scenarios.api.0.http", "3", f"{API}.http"),
    ("api-headers-array", "scenarios.api.0.headers", ["Accept: */*"], f"{API}.headers"),
    ("api-header-number", "scenarios.api.0.headers.Accept", 1, f"{API}.headers.Accept"),
    ("api-expect-status-99", "scenarios.api.0.expect.status.0", 99, f"{API}.expect.status[0]"),
    ("api-expect-status-600", "scenarios.api.0.expect.status.0", 600, f"{API}.expect.status[0]"),
    ("api-expect-status-string", "scenarios.api.0.expect.status.0", "200", f"{API}.expect.status[0]"),
    ("api-expect-unknown", "scenarios.api.0.expect.headers", {}, f"{API}.expect.headers"),
    ("api-insecure-string", "scenarios.api.0.insecure", "yes", f"{API}.insecure"),
    ("api-variable-bad-name", "scenarios.api.0.variables.1id", {"range": [1, 2]}, f"{API}.variables['1id']"),
    ("api-variable-range-reversed", "scenarios.api.0.variables.id.range", [100, 1], f"{API}.variables.id.range"),
    ("api-variable-range-one", "scenarios.api.0.variables.id.range", [1], f"{API}.variables.id.range"),
    ("api-variable-range-overflow", "scenarios.api.0.variables.id.range", [1, raw("1e400")], f"{API}.variables.id.range[1]"),
    ("api-variable-two-sources", "scenarios.api.0.variables.id.list", [1], f"{API}.variables.id"),
    ("api-variable-pick-shuffle", "scenarios.api.0.variables.id.pick", "shuffle", f"{API}.variables.id.pick"),
    ("api-variable-file-missing", "scenarios.api.0.variables.id", {"file": "no-such-ids.txt"}, f"{API}.variables.id.file"),
    ("api-variable-file-is-directory", "scenarios.api.0.variables.id", {"file": "."}, f"{API}.variables.id.file"),
    ("api-variable-file-nul", "scenarios.api.0.variables.id", {"file": "ids\u0000.txt"}, f"{API}.variables.id.file"),
    ("api-duplicate-name", "scenarios.api.1", copy.deepcopy(CONFIG["scenarios"]["api"][0]), f"{SCN}.api[1].name"),
    ("db-connection-literal", "scenarios.db.0.connection", "Server=127.0.0.1;Password=secret", f"{DB}.connection"),
    ("db-connection-bad-env", "scenarios.db.0.connection", "env:1BAD", f"{DB}.connection"),
    ("db-query-empty", "scenarios.db.0.query", "  ", f"{DB}.query"),
    ("db-setup-empty-statement", "scenarios.db.0.setup.0", "", f"{DB}.setup[0]"),
    ("db-explain-maybe", "scenarios.db.0.explain", "maybe", f"{DB}.explain"),
    ("db-pooled-string", "scenarios.db.0.pooled", "yes", f"{DB}.pooled"),
    ("db-variable-list-empty", "scenarios.db.0.variables.id.list", [], f"{DB}.variables.id.list"),
    ("cache-operation-fetch", "scenarios.cache.0.operation", "fetch", f"{CACHE}.operation"),
    ("cache-fetch-two-sources", "scenarios.cache.0.fetch.url", "http://127.0.0.1/x", f"{CACHE}.fetch"),
    ("cache-fetch-sql-no-connection", "scenarios.cache.0.fetch", {"sql": "SELECT 1"}, f"{CACHE}.fetch"),
    ("cache-read-ratio-above-one", "scenarios.cache.0.readRatio", 1.5, f"{CACHE}.readRatio"),
    ("cache-read-ratio-negative", "scenarios.cache.0.readRatio", -0.1, f"{CACHE}.readRatio"),
    ("cache-keys-zero", "scenarios.cache.0.keys", 0, f"{CACHE}.keys"),
    ("cache-value-size-negative", "scenarios.cache.0.valueSize", -1, f"{CACHE}.valueSize"),
    ("cache-ttl-zero", "scenarios.cache.0.ttl", "0s", f"{CACHE}.ttl"),
    ("cache-connections-zero", "scenarios.cache.0.connections", 0, f"{CACHE}.connections"),
    ("cache-compare-uncached-number", "scenarios.cache.0.compareUncached", 1, f"{CACHE}.compareUncached"),
    ("target-array", "target", [], "$.target"),
    ("target-project-and-command", "target.project", "src/App.csproj", "$.target"),
    ("target-command-empty", "target.command", [], "$.target"),
    ("target-command-item-number", "target.command.0", 1, "$.target.command[0]"),
    ("target-url-no-scheme", "target.url", "localhost:5000", "$.target.url"),
    ("target-ready-bad-uri", "target.ready", "http://[::1", "$.target.ready"),
    ("target-ready-ftp", "target.ready", "ftp://127.0.0.1/health", "$.target.ready"),
    ("target-start-timeout-forever", "target.startTimeout", "forever", "$.target.startTimeout"),
    ("target-env-number", "target.env.ASPNETCORE_ENVIRONMENT", 1, "$.target.env.ASPNETCORE_ENVIRONMENT"),
    ("target-project-nul", "target", {"project": "src/\u0000.csproj", "url": "http://127.0.0.1:5000"}, "$.target.project"),
]:
    c_set(name, path, value, field)
c_del("api-missing-url", "scenarios.api.0.url", API)
c_del("api-missing-name", "scenarios.api.0.name", API)
c_del("db-missing-query", "scenarios.db.0.query", DB)
c_del("cache-get-or-fetch-without-fetch", "scenarios.cache.0.fetch", CACHE)
c_del("target-missing-url", "target.url", "$.target")

# ---------------------------------------------------------------- hand-made files (already committed)

HANDMADE = {
    "results-truncated.json": ANY_PATH, "results-trailing-garbage.json": "$", "results-not-an-object.json": "$",
    "results-wrong-schema-version.json": "$.schema", "results-missing-schema.json": "$",
    "results-schema-not-string.json": "$.schema", "results-nan-sample.json": f"{S}",
    "results-infinity-sample.json": S, "results-nan-literal-sample.json": ANY_PATH,
    "results-infinity-literal-sample.json": ANY_PATH, "results-overflow-sample.json": S,
    "results-negative-sample.json": f"{B0}.launches[1].samples[0]",
    "results-zero-sample.json": f"{B0}.launches[1].samples[1]", "results-zero-latency-p95.json": f"{B1}.latency.p95",
    "results-nan-launch-noise.json": f"{B0}.launchNoise", "results-duplicate-id.json": f"{B1}.id",
    "results-empty-id.json": f"{B0}.id", "results-huge-id.json": f"{B0}.id", "results-deep-nesting.json": ANY_PATH,
    "results-wrong-type-samples.json": f"{B0}.launches[0].samples", "results-wrong-type-cores.json": "$.environment.cores",
    "results-wrong-type-incomplete.json": "$.incomplete", "results-missing-benchmarks.json": "$",
    "results-missing-id.json": B0, "results-missing-created-at.json": "$",
    "results-negative-allocated-bytes.json": f"{B0}.memory.allocatedBytesPerOperation",
    "results-negative-requests.json": f"{SC}.requests", "results-negative-error-count.json": f"{SC}.errors.timeout",
    "results-fractional-latency-count.json": f"{B1}.latency.count", "results-hit-rate-above-one.json": f"{SC}.hitRate",
    "results-bad-histogram-base64.json": f"{SC}.histogram", "results-unknown-property.json": f"{B0}.launchs",
    "results-bad-category.json": f"{B0}.category", "results-bad-created-at.json": "$.createdAt",
    "results-empty-launch.json": f"{B0}.launches[0].samples", "results-zero-cores.json": "$.environment.cores",
    "results-duplicate-property.json": "$.incomplete", "unknown-format.json": "$",
    # Found by fuzzing (docs/fuzzing.md): half a surrogate pair as an escape, and parameter names a results file cannot keep.
    "results-lone-surrogate-key.json": "$", "results-lone-surrogate-schema.json": "$.schema",
    "results-lone-low-surrogate-id.json": f"{B0}.id", "bdn-lone-surrogate-title-report-full.json": "$.Title",
    "bdn-empty-parameter-name-report-full.json": f"{BB0}.Parameters",
    "config-lone-surrogate-project.json": "$.projects[0]", "config-lone-surrogate-key.json": "$",
    "config-variable-range-too-wide.json": "$.scenarios.api[0].variables.id.range",
    "results-empty.json": "-", "results-whitespace-only.json": "-", "results-invalid-utf8.json": "-",
    "bdn-truncated-report-full.json": ANY_PATH, "bdn-truncated-report-full-compressed.json": ANY_PATH,
    "bdn-deep-nesting-report-full.json": ANY_PATH, "bdn-negative-nanoseconds-report-full.json": f"{M}[2].Nanoseconds",
    "bdn-zero-nanoseconds-report-full.json": f"{M}[3].Nanoseconds", "bdn-zero-operations-report-full.json": f"{M}[1].Operations",
    "bdn-infinity-nanoseconds-report-full.json": f"{M}[1].Nanoseconds",
    "bdn-wrong-type-launch-index-report-full.json": f"{M}[1].LaunchIndex", "bdn-missing-operations-report-full.json": f"{M}[1]",
    "bdn-benchmarks-not-array-report-full.json": "$.Benchmarks", "bdn-duplicate-full-name-report-full.json": "$.Benchmarks[1].FullName",
    "bdn-empty-full-name-report-full.json": f"{BB0}.FullName",
    "bdn-negative-allocated-bytes-report-full.json": f"{BB0}.Memory.BytesAllocatedPerOperation",
    "bdn-zero-cores-report-full.json": "$.HostEnvironmentInfo.LogicalCoreCount",
    "bdn-nan-original-value-report-brief.json": f"{BB0}.Statistics.OriginalValues[1]",
    "bdn-empty-report-full.json": "-", "bdn-invalid-utf8-report-full.json": "-",
}


def cap(field):
    """A field as errors show it: a path longer than 200 characters keeps its first 100 and last 99."""
    return field if len(field) <= 200 else field[:100] + "\u2026" + field[-99:]


def main():
    names = [c[0] for c in cases]
    duplicates = {n for n in names if names.count(n) > 1} | (set(names) & set(HANDMADE))
    if duplicates:
        sys.exit(f"case names used twice: {sorted(duplicates)}")

    os.makedirs(OUT, exist_ok=True)
    for name in os.listdir(OUT):
        if name not in HANDMADE:
            os.remove(os.path.join(OUT, name))
    for name, _, _, data in cases:
        with open(os.path.join(OUT, name), "wb") as f:
            f.write(data)
    missing = [n for n in HANDMADE if not os.path.exists(os.path.join(OUT, n))]
    if missing:
        sys.exit(f"hand-made files missing: {missing}")

    os.makedirs(CONTROLS, exist_ok=True)
    for name, text in [("results.json", dump(RESULTS, RI)), ("bdn-report-full.json", dump(BDN_FULL, DI)),
                       ("bdn-report-brief.json", dump(BDN_BRIEF, DI)), ("perfgate.json", dump(CONFIG, CI))]:
        with open(os.path.join(CONTROLS, name), "w", encoding="utf-8", newline="\n") as f:
            f.write(text + "\n")

    rows = [(n, "config" if n.startswith("config-") else "results", f) for n, f in HANDMADE.items()]
    rows += [(n, "config" if r == C else "results", f) for n, r, f, _ in cases]
    with open(MANIFEST, "w", encoding="utf-8", newline="\n") as f:
        f.write("# file\treader\tfield the error must name (- when the file is broken below the JSON level, $* for any JSON path)\n")
        for name, reader, field in sorted(rows):
            f.write(f"{name}\t{reader}\t{cap(field)}\n")
    print(f"{len(rows)} files ({len(cases)} generated, {len(HANDMADE)} hand-made)")


main()
