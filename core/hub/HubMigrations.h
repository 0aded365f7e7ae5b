#pragma once

#include "core/domain/Result.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace cpis {

class HubConnection;

// The hub's schema as numbered SQL files (core/hub/sql/NNN_name.sql, built into the program),
// applied in the order of their numbers, each once, each in its own transaction, by the role
// that owns the hub. hub.migrations records which are applied.
class HubMigrations
{
public:
    struct Step
    {
        int version = 0;
        QString name;
        QByteArray sql;
    };

    // The steps this build carries, in order.
    static QList<Step> steps();
    // Applies the steps not yet applied; returns the versions it applied.
    static Result<QList<int>, QString> apply(HubConnection& owner);
    // The highest version applied; 0: none.
    static Result<int, QString> appliedVersion(HubConnection& conn);
};

} // namespace cpis
