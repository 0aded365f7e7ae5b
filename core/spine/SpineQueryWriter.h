#pragma once

#include "core/domain/Result.h"
#include "core/spine/SpineQuery.h"

#include <QByteArray>
#include <QString>

namespace cpis {

// Writes a CP-IS query as Spine takes it: a SOAP 1.1 envelope whose header carries the
// WS-Addressing fields (MessageID, Action, To, From) and the sending and receiving ASIDs, and
// whose body is the QUPC_IN000006GB01 interaction (transmission wrapper, control act with the
// desk as system author, and the CP-ISQueryStub payload with the person or system author and
// the NHS number).
//
// The silent-read flag: CP-IS's DMS RC5 Patch D adds `accessEventType` to the query ("false":
// no Access to Service Notification to the local authority). The schema copy the desk is
// checked against (SPINE_schema, 2022) has no such element, and no place in
// QUPC_IN000006GB01 takes one: CP-ISNHSQuery, its QueryByParameter and the control act allow
// no further element or attribute (no xs:any, no xs:anyAttribute), so it cannot be carried in
// a way that copy accepts. Leaving it out would make every B0170 read notify, so the writer
// carries it always, true or false, as the patch names it: ASSUMPTION, until the patch's
// schema is in hand, that it is a query parameter of queryByParameter after person.NHSnumber,
// shaped like it (`<accessEventType><value value="false"/></accessEventType>`); the sandbox
// reads it there and only there (docs/api.md §13). Everything else validates against the 2022
// copy (tests/data/spine/README.md says how it is checked).
class SpineQueryWriter
{
public:
    // The envelope, or why it cannot be written (a required identifier is missing).
    static Result<QByteArray, QString> write(const SpineQuery& query);

    // The name of the one element the 2022 schema copy does not know (see above).
    static QString patchDElement() { return QStringLiteral("accessEventType"); }
};

} // namespace cpis
