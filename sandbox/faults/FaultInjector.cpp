#include "sandbox/faults/FaultInjector.h"

namespace cpis::sandbox {

FaultInjector::FaultInjector(Choice serverWide) : m_serverWide(serverWide) {}

QList<Fault> FaultInjector::all()
{
    return {Fault::Latency,       Fault::NoAnswer,         Fault::Reset,
            Fault::Http500,       Fault::Http502,          Fault::Http503,
            Fault::Http408,       Fault::Http429,          Fault::MalformedJson,
            Fault::TruncatedBody, Fault::WrongContentType, Fault::UnknownPlanCode};
}

QString FaultInjector::name(Fault fault)
{
    switch (fault) {
    case Fault::None:
        return QStringLiteral("none");
    case Fault::Latency:
        return QStringLiteral("latency");
    case Fault::NoAnswer:
        return QStringLiteral("no-answer");
    case Fault::Reset:
        return QStringLiteral("reset");
    case Fault::Http500:
        return QStringLiteral("http-500");
    case Fault::Http502:
        return QStringLiteral("http-502");
    case Fault::Http503:
        return QStringLiteral("http-503");
    case Fault::Http408:
        return QStringLiteral("http-408");
    case Fault::Http429:
        return QStringLiteral("http-429");
    case Fault::MalformedJson:
        return QStringLiteral("malformed-json");
    case Fault::TruncatedBody:
        return QStringLiteral("truncated-body");
    case Fault::WrongContentType:
        return QStringLiteral("wrong-content-type");
    case Fault::UnknownPlanCode:
        return QStringLiteral("unknown-plan-code");
    }
    return {};
}

std::optional<FaultInjector::Choice> FaultInjector::parse(const QString& spec)
{
    const QString s = spec.trimmed().toLower();
    if (s.isEmpty() || s == u"none")
        return Choice{};
    const qsizetype eq = s.indexOf(u'=');
    const QString key = eq < 0 ? s : s.left(eq);
    for (Fault f : all()) {
        if (name(f) != key)
            continue;
        Choice c{f, f == Fault::Latency ? kDefaultLatencyMs : 0};
        if (eq >= 0) {
            bool ok = false;
            const int ms = s.mid(eq + 1).toInt(&ok);
            if (f != Fault::Latency || !ok || ms < 0 || ms > 120000)
                return std::nullopt;
            c.latencyMs = ms;
        }
        return c;
    }
    return std::nullopt;
}

std::optional<FaultInjector::Choice> FaultInjector::forRequest(const QByteArray& headerValue) const
{
    if (m_serverWide.fault != Fault::None)
        return m_serverWide;
    return parse(QString::fromLatin1(headerValue));
}

} // namespace cpis::sandbox
