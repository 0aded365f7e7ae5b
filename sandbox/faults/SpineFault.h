#pragma once

namespace cpis::sandbox {

// Failures only the V3 (Spine) exchange has; the HTTP-level faults of FaultInjector apply to
// it too (docs/sandbox.md, "V3 faults").
enum class SpineFault
{
    None,
    ApplicationError, // an MCCI_IN010000UK13 error in place of the answer
    WrongRelatesTo,   // a valid answer whose wsa:RelatesTo names another message
};

} // namespace cpis::sandbox
