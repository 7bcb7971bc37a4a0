/**
 * The small shared kernel every feature may use: identifiers of the core records and the error
 * shape of the API. It depends on no feature.
 */
@org.springframework.modulith.ApplicationModule(
    type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package dev.rapport.shared;
