/** How a customer-service contact happened (client-safe: imported by the note form). */
export const NOTE_CHANNELS = ["PHONE", "CHAT", "EMAIL", "OTHER"] as const;
export type NoteChannel = (typeof NOTE_CHANNELS)[number];
