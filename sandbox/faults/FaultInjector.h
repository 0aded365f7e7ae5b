#pragma once

#include <QList>
#include <QString>

#include <optional>

namespace cpis::sandbox {

enum class Fault
{
    None,
    Latency,  // answers normally, late
    NoAnswer, // accepts the request and never answers
    Reset,    // TCP reset before any answer
    Http500,
    Http502,
    Http503,
    Http408,          // UNABLE_TO_CALL_SERVICE (downstream timeout)
    Http429,          // TOO_MANY_REQUESTS with Retry-After
    MalformedJson,    // 200, fhir+json, body is not JSON
    TruncatedBody,    // 200, Content-Length promises more than is sent, then close
    WrongContentType, // 200 text/html
    UnknownPlanCode,  // a valid Bundle whose CareTeam carries an unknown SNOMED code
};

// Chooses the fault for one request: the server-wide fault (command-line flag) first, then an
// X-Sandbox-Fault header, then the fault a scenario NHS number stands for.
class FaultInjector
{
public:
    struct Choice
    {
        Fault fault = Fault::None;
        int latencyMs = 0; // for Fault::Latency
    };

    explicit FaultInjector(Choice serverWide);

    // "latency", "latency=250", "no-answer", "http-503", ... Empty: no fault.
    static std::optional<Choice> parse(const QString& spec);
    static QString name(Fault fault);
    static QList<Fault> all();

    Choice serverWide() const { return m_serverWide; }
    // nullopt: the header names no fault we know (the request is refused, not ignored).
    std::optional<Choice> forRequest(const QByteArray& headerValue) const;

    static constexpr int kDefaultLatencyMs = 1500;
    static constexpr int kRetryAfterSecs = 2;

private:
    Choice m_serverWide;
};

} // namespace cpis::sandbox
