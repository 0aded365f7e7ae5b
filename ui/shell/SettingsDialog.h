#pragma once

#include "ui/shell/DeskSettings.h"

#include <QDialog>
#include <QStringList>

class QComboBox;
class QSpinBox;

namespace cpis::ui {

// The service profile (among those the administrator allows), idle lock, cache retention and
// language; the site type and the services' addresses are shown, read-only, because the
// administrator's file decides them. The idle lock applies at once; the rest when the desk next
// starts (it says so).
class SettingsDialog : public QDialog
{
    Q_OBJECT
public:
    // What the administrator decided, shown and never edited here.
    struct Administered
    {
        QStringList profiles; // allowed, the default first
        QString profileInUse;
        QString environment;
        QString siteText; // the site type, in words
        QString file;     // the administrator's file
    };

    explicit SettingsDialog(const DeskSettings& current,
                            const Administered& administered = {},
                            QWidget* parent = nullptr);

    DeskSettings settings() const;

private:
    DeskSettings m_base;
    QComboBox* m_profile = nullptr;
    QSpinBox* m_idle = nullptr;
    QSpinBox* m_retention = nullptr;
    QComboBox* m_language = nullptr;
};

} // namespace cpis::ui
