package org.smolny.council.congress;

/**
 * An item of a congress's agenda, with its time limits.
 *
 * @param title what the item is about
 * @param minutes the time the item may take, from when it is taken
 * @param speakingMinutes how long each speaker may speak on it
 */
public record AgendaItem(String title, int minutes, int speakingMinutes) {

    public AgendaItem {
        if (title == null || title.isBlank() || title.length() > 300) {
            throw new IllegalArgumentException("an agenda item has a title of 1 to 300 characters");
        }
        if (minutes < 1 || speakingMinutes < 1 || speakingMinutes > minutes) {
            throw new IllegalArgumentException("agenda item '" + title + "' needs a time of at least a minute and a speaking time"
                    + " of at least a minute and no longer than the item (got " + minutes + " and " + speakingMinutes + ")");
        }
    }
}
