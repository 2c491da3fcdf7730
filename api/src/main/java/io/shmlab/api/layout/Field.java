package io.shmlab.api.layout;

/**
 * A member of a struct, at the offset C gives it ({@code offsetof}).
 *
 * @param name the member's name
 * @param type its type
 * @param offset its offset from the start of the struct
 */
public record Field(String name, CType type, long offset) {

    /** The offset just past this member. */
    public long end() {
        return offset + type.size();
    }
}
