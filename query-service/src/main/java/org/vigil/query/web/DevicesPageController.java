package org.vigil.query.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** {@code GET /devices}: the engineers' devices page (role {@code ENGINEER}, security configuration). */
@Controller
class DevicesPageController {

    @GetMapping("/devices")
    String devices() {
        return "forward:/devices.html";
    }
}
