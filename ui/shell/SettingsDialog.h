#pragma once

#include "ui/shell/DeskSettings.h"

#include <QDialog>

class QComboBox;
class QLineEdit;
class QSpinBox;

namespace cpis::ui {

// Service URL and environment, idle lock, cache retention, site type and language. The idle
// lock applies at once; the rest when the desk next starts (it says so).
class SettingsDialog : public QDialog
{
    Q_OBJECT
public:
    explicit SettingsDialog(const DeskSettings& current, QWidget* parent = nullptr);

    DeskSettings settings() const;

private:
    DeskSettings m_base;
    QLineEdit* m_url = nullptr;
    QComboBox* m_environment = nullptr;
    QSpinBox* m_idle = nullptr;
    QSpinBox* m_retention = nullptr;
    QComboBox* m_site = nullptr;
    QComboBox* m_language = nullptr;
};

} // namespace cpis::ui
