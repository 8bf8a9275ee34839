package org.passerelle.runtime.paging;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The page a client asks for: {@code ?page=0&size=20}; size at most 100 so no list call can be unbounded. */
public class PageRequest {

    public static final int MAX_SIZE = 100;
    /** Far beyond any list here, and low enough that page x size can never overflow. */
    public static final int MAX_PAGE = 1_000_000;

    @QueryParam("page")
    @DefaultValue("0")
    @Min(0)
    @Max(MAX_PAGE)
    @Parameter(description = "Page number, from 0 to 1000000", example = "0")
    public int page;

    @QueryParam("size")
    @DefaultValue("20")
    @Min(1)
    @Max(MAX_SIZE)
    @Parameter(description = "Items per page, 1 to 100", example = "20")
    public int size;

    public int offset() {
        return Math.multiplyExact(page, size);
    }
}
