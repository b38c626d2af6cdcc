"""Jupyter protocol conformance of the project's `tslab` kernel (kernel/src, compiled to kernel/dist).

Debian's jupyter_kernel_test drives the kernel over ZeroMQ like any Jupyter client; the extra
tests below cover what it does not: execution counts, stop_on_error, error names/values, the
rich display protocol. Run with the project's Jupyter environment (scripts/lib/jupyter-env.mjs):

    /usr/bin/python3 -m unittest -v tests/kernel/test_conformance.py
"""

import unittest
from queue import Empty

import jupyter_kernel_test
from jupyter_client.utils import run_sync
from jupyter_kernel_test.msgspec_v5 import validate_message

TIMEOUT = 60


class TslabKernelTests(jupyter_kernel_test.KernelTests):
    kernel_name = "tslab"
    language_name = "typescript"
    file_extension = ".ts"

    code_hello_world = 'console.log("hello, world")'
    code_stderr = 'console.error("oops")'

    code_execute_result = [
        {"code": "1 + 2", "result": "3"},
        {"code": "const s: string = 'a' + 'b';\ns", "result": "'ab'"},
        {"code": "[1, 2, 3].map(x => x * 2)", "result": "[ 2, 4, 6 ]"},
        {"code": "({ a: 1, b: 'x' })", "result": "{ a: 1, b: 'x' }"},
        {"code": "null", "result": "null"},
        {"code": "await Promise.resolve(42)", "result": "42"},
    ]

    code_display_data = [
        {"code": 'import * as tslab from "tslab";\ntslab.display.html("<b>x</b>")', "mime": "text/html"},
        {"code": 'import * as tslab from "tslab";\ntslab.display.markdown("**x**")', "mime": "text/markdown"},
    ]

    code_generate_error = 'throw new RangeError("boom")'

    completion_samples = [
        {"text": "Math.ab", "matches": {"abs"}},
        {"text": "const someUniqueName = 1;\nsomeUniq", "matches": {"someUniqueName"}},
    ]

    complete_code_samples = ["1 + 2", "let x = 1;", "function f() { return 1; }", "for (const i of [1]) {}\n"]
    incomplete_code_samples = ["function f() {", "1 +", "const a = [1,", "if (true) {\n  foo(", "`abc"]
    invalid_code_samples = ["const = 1;", "let x = ;", "1 +* 2", ")"]

    code_inspect_sample = "Math.max"

    # -- helpers -----------------------------------------------------------------------------

    def run_code(self, code, **kw):
        """Execute and collect (reply, iopub messages) for this request, without validation
        of the reply (jupyter_kernel_test's validator does not know status 'aborted')."""
        msg_id = self.kc.execute(code=code, **kw)
        return self.collect(msg_id)

    def collect(self, msg_id):
        while True:
            reply = self.kc.get_shell_msg(timeout=TIMEOUT)
            if reply["parent_header"].get("msg_id") == msg_id:
                break
        outputs = []
        while True:
            msg = run_sync(self.kc.iopub_channel.get_msg)(timeout=TIMEOUT)
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
                break
            outputs.append(msg)
        return reply, outputs

    # -- extra tests -------------------------------------------------------------------------

    def test_kernel_info_status_ok(self):
        self.flush_channels()
        msg_id = self.kc.kernel_info()
        reply = self.get_non_kernel_info_reply_or_kernel_info(msg_id)
        self.assertEqual(reply["content"]["status"], "ok")
        self.assertEqual(reply["content"]["language_info"]["name"], "typescript")

    def get_non_kernel_info_reply_or_kernel_info(self, msg_id):
        while True:
            reply = self.kc.get_shell_msg(timeout=TIMEOUT)
            if reply["parent_header"]["msg_id"] == msg_id:
                validate_message(reply, reply["msg_type"], msg_id)
                return reply

    def test_execution_count_increments(self):
        self.flush_channels()
        r1, out1 = self.run_code("1")
        r2, out2 = self.run_code("2")
        c1, c2 = r1["content"]["execution_count"], r2["content"]["execution_count"]
        self.assertIsInstance(c1, int)
        self.assertEqual(c2, c1 + 1)
        inputs = [m for m in out2 if m["msg_type"] == "execute_input"]
        self.assertEqual(len(inputs), 1)
        self.assertEqual(inputs[0]["content"]["execution_count"], c2)
        results = [m for m in out2 if m["msg_type"] == "execute_result"]
        self.assertEqual(results[0]["content"]["execution_count"], c2)
        # silent requests neither count nor publish
        r3, out3 = self.run_code("3", silent=True)
        self.assertEqual(r3["content"]["execution_count"], c2)
        self.assertEqual([m["msg_type"] for m in out3], ["status"])

    def test_undefined_sends_no_result(self):
        self.flush_channels()
        reply, outputs = self.run_code("let u = undefined;\nu")
        self.assertEqual(reply["content"]["status"], "ok")
        self.assertEqual([m for m in outputs if m["msg_type"] == "execute_result"], [])

    def test_runtime_error_fields(self):
        self.flush_channels()
        reply, outputs = self.run_code('const n = 1;\nthrow new RangeError("boom")')
        c = reply["content"]
        self.assertEqual(c["status"], "error")
        self.assertEqual(c["ename"], "RangeError")
        self.assertEqual(c["evalue"], "boom")
        errors = [m for m in outputs if m["msg_type"] == "error"]
        self.assertEqual(len(errors), 1)
        self.assertEqual(errors[0]["content"]["ename"], "RangeError")
        self.assertIn("boom", "\n".join(errors[0]["content"]["traceback"]))
        # nothing about the error on stderr any more
        self.assertEqual([m for m in outputs if m["msg_type"] == "stream"], [])

    def test_async_error_fields(self):
        self.flush_channels()
        reply, _ = self.run_code('await Promise.reject(new TypeError("later"))')
        self.assertEqual(reply["content"]["ename"], "TypeError")
        self.assertEqual(reply["content"]["evalue"], "later")

    def test_compile_error_fields(self):
        self.flush_channels()
        reply, outputs = self.run_code("const x: number = 1;\nconst y: string = x;")
        c = reply["content"]
        self.assertEqual(c["status"], "error")
        self.assertEqual(c["ename"], "TSError")
        self.assertIn("2:7", c["evalue"])
        self.assertIn("not assignable", c["evalue"])
        errors = [m for m in outputs if m["msg_type"] == "error"]
        self.assertEqual(len(errors), 1)
        self.assertEqual([m for m in outputs if m["msg_type"] == "stream"], [])

    def test_stop_on_error_true_aborts_queued(self):
        self.flush_channels()
        id1 = self.kc.execute('throw new Error("first")', stop_on_error=True)
        id2 = self.kc.execute('console.log("second ran")')
        r1, _ = self.collect(id1)
        r2, out2 = self.collect(id2)
        self.assertEqual(r1["content"]["status"], "error")
        self.assertEqual(r2["content"]["status"], "aborted")
        self.assertEqual([m for m in out2 if m["msg_type"] == "stream"], [])
        # later requests run again
        r3, out3 = self.run_code('console.log("third ran")')
        self.assertEqual(r3["content"]["status"], "ok")

    def test_stop_on_error_false_does_not_abort(self):
        self.flush_channels()
        id1 = self.kc.execute('throw new Error("first")', stop_on_error=False)
        id2 = self.kc.execute('console.log("second ran")')
        r1, _ = self.collect(id1)
        r2, out2 = self.collect(id2)
        self.assertEqual(r1["content"]["status"], "error")
        self.assertEqual(r2["content"]["status"], "ok")
        texts = "".join(m["content"]["text"] for m in out2 if m["msg_type"] == "stream")
        self.assertIn("second ran", texts)

    def test_mimebundle_protocol(self):
        self.flush_channels()
        code = (
            "const v = { [Symbol.for('jupyter.mimebundle')]() {\n"
            "  return { data: { 'application/vnd.anpr.test+json': { n: 1 }, 'text/plain': 'a test value' }, metadata: {} };\n"
            "} };\n"
            "v"
        )
        reply, outputs = self.run_code(code)
        self.assertEqual(reply["content"]["status"], "ok")
        results = [m for m in outputs if m["msg_type"] == "execute_result"]
        self.assertEqual(len(results), 1)
        data = results[0]["content"]["data"]
        self.assertEqual(data["application/vnd.anpr.test+json"], {"n": 1})
        self.assertEqual(data["text/plain"], "a test value")
        # the same object through tslab's display API
        reply, outputs = self.run_code('import * as tslab from "tslab";\ntslab.display.raw("text/plain", v as any)')
        shown = [m for m in outputs if m["msg_type"] == "display_data"]
        self.assertEqual(len(shown), 1)
        self.assertIn("application/vnd.anpr.test+json", shown[0]["content"]["data"])

    def test_shorthand_property_of_earlier_cell(self):
        # tslab alone throws "ReferenceError: h is not defined" here
        self.flush_channels()
        self.run_code("const earlierCellValue = 7;")
        reply, outputs = self.run_code("({ earlierCellValue })")
        self.assertEqual(reply["content"]["status"], "ok", reply["content"])
        results = [m for m in outputs if m["msg_type"] == "execute_result"]
        self.assertEqual(results[0]["content"]["data"]["text/plain"], "{ earlierCellValue: 7 }")

    def test_arquero_table_as_html(self):
        self.flush_channels()
        reply, outputs = self.run_code('import * as aq from "arquero";\naq.table({ a: [1, 2, 3] })')
        self.assertEqual(reply["content"]["status"], "ok", reply["content"])
        results = [m for m in outputs if m["msg_type"] == "execute_result"]
        self.assertIn("<table", results[0]["content"]["data"]["text/html"])
        self.assertIn("text/plain", results[0]["content"]["data"])


if __name__ == "__main__":
    unittest.main()
