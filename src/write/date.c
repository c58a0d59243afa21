#include "write/date.h"

#include <glib.h>

bool write_date(int64_t epoch, bool with_time, char out[WRITE_DATE_SIZE])
{
    GDateTime *t = g_date_time_new_from_unix_utc(epoch);
    if (!t) {
        g_strlcpy(out, "?", WRITE_DATE_SIZE);
        return false;
    }
    /* %Y would write the year 1 as "1": years are always four digits. */
    if (with_time)
        g_snprintf(out, WRITE_DATE_SIZE, "%04d-%02d-%02dT%02d:%02d:%02dZ", g_date_time_get_year(t),
                   g_date_time_get_month(t), g_date_time_get_day_of_month(t),
                   g_date_time_get_hour(t), g_date_time_get_minute(t), g_date_time_get_second(t));
    else
        g_snprintf(out, WRITE_DATE_SIZE, "%04d-%02d-%02d", g_date_time_get_year(t),
                   g_date_time_get_month(t), g_date_time_get_day_of_month(t));
    g_date_time_unref(t);
    return true;
}
