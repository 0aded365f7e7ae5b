// libFuzzer target for the CP-IS HL7 V3 reader: every input goes through SpineXmlTree (with
// the production limits and with tight ones) and SpineResponseReader (as a 200 and as a 500
// answer). Besides "no crash, no sanitizer report", it checks what the reader promises: only
// "no record found" reads as no record, an accepted answer's counts match what came, and a
// tree that parsed respects the depth limit.
#include "core/spine/SpineResponseReader.h"
#include "core/spine/SpineXmlTree.h"

#include <QByteArray>
#include <QtGlobal>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

using cpis::SpineAnswer;
using cpis::SpineResponseReader;
using cpis::SpineXmlElement;
using cpis::SpineXmlTree;

namespace {

void require(bool holds, const char* what)
{
    if (holds)
        return;
    std::fprintf(stderr, "fuzz_spine_reader: broken promise: %s\n", what);
    std::abort();
}

int depth(const SpineXmlElement& e)
{
    int deepest = 0;
    for (const SpineXmlElement& c : e.children)
        deepest = std::max(deepest, depth(c));
    return deepest + 1;
}

// The text after `marker` up to the next `end`, or an empty array. The seeds carry their own
// request id and NHS number; reading them back lets a mutated seed get past the RelatesTo and
// subject checks into the body of the reader.
QByteArray after(const QByteArray& body, const QByteArray& marker, char end)
{
    const qsizetype at = body.indexOf(marker);
    if (at < 0)
        return {};
    const qsizetype from = at + marker.size();
    const qsizetype to = body.indexOf(end, from);
    return to < 0 || to - from > 64 ? QByteArray() : body.mid(from, to - from);
}

QByteArray nhsNumberIn(const QByteArray& body)
{
    // The first ten-digit extension: device and ODS ids are longer or not all digits.
    const QByteArray marker("extension=\"");
    for (qsizetype at = body.indexOf(marker); at >= 0; at = body.indexOf(marker, at + 1)) {
        const QByteArray value = after(body.mid(at), marker, '"');
        bool digits = value.size() == 10;
        for (char c : value)
            digits = digits && c >= '0' && c <= '9';
        if (digits)
            return value;
    }
    return {};
}

void checkAnswer(const SpineAnswer& a)
{
    require(!a.noRecord ||
                (a.plans.isEmpty() && a.undisplayable.isEmpty() && a.accessHistory.isEmpty()),
            "no record with plans or history");
    require(a.totalAccessRecords == a.accessHistory.size(), "history count disagrees");
    for (const cpis::CpisPlan& p : a.plans) {
        require(p.start.isValid(), "plan without a valid start date");
        require(!p.end || (p.end->isValid() && *p.end >= p.start), "plan ends before it starts");
    }
    for (const cpis::AccessRecord& r : a.accessHistory)
        require(r.when.isValid(), "previous query without a time");
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***)
{
    // The reader warns once per refused answer; at fuzzing speed that is only noise.
    qInstallMessageHandler([](QtMsgType, const QMessageLogContext&, const QString&) {});
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    // A copy, as QNetworkReply::readAll() would hand over, not a view of libFuzzer's buffer.
    const QByteArray body(reinterpret_cast<const char*>(data), qsizetype(size));

    const SpineXmlTree::Limits tight{4096, 8};
    if (const auto tree = SpineXmlTree::parse(body, tight)) {
        require(body.size() <= tight.maxBytes, "a body over the size limit parsed");
        require(depth(tree.value()) <= tight.maxDepth, "a tree deeper than the limit parsed");
    }

    const SpineResponseReader::Expected expected{
        QString::fromLatin1(after(body, "RelatesTo>", '<')),
        QString::fromLatin1(nhsNumberIn(body))};
    if (const auto answer = SpineResponseReader::read(body, expected, 200))
        checkAnswer(answer.value());
    else
        require(answer.error().kind == cpis::ServiceError::Kind::BadResponse,
                "a refused 200 answer is not a bad response");

    // A 5xx answer is only ever a failure, whatever it holds.
    require(!SpineResponseReader::read(body, expected, 500), "an HTTP 500 read as an answer");
    return 0;
}
