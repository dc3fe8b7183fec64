package org.vigil.adapters.hl7.wire;

import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.model.Composite;
import ca.uhn.hl7v2.model.Primitive;
import ca.uhn.hl7v2.model.Type;
import ca.uhn.hl7v2.model.v26.datatype.CWE;
import ca.uhn.hl7v2.model.v26.datatype.EI;
import ca.uhn.hl7v2.model.v26.group.ORU_R01_OBSERVATION;
import ca.uhn.hl7v2.model.v26.group.ORU_R01_ORDER_OBSERVATION;
import ca.uhn.hl7v2.model.v26.group.ORU_R01_PATIENT_RESULT;
import ca.uhn.hl7v2.model.v26.message.ORU_R01;
import ca.uhn.hl7v2.model.v26.segment.OBR;
import ca.uhn.hl7v2.model.v26.segment.OBX;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Reads the orders and rows of a parsed message into {@link PcdOrder}s and {@link ObxRow}s, in message order. */
final class PcdReader {

    private PcdReader() {
    }

    static List<PcdOrder> orders(ORU_R01 message) throws HL7Exception {
        List<PcdOrder> orders = new ArrayList<>();
        for (ORU_R01_PATIENT_RESULT result : message.getPATIENT_RESULTAll()) {
            for (ORU_R01_ORDER_OBSERVATION order : result.getORDER_OBSERVATIONAll()) {
                Instant orderTime = Hl7Time.parse(order.getOBR().getObr7_ObservationDateTime().getValue()).orElse(null);
                List<ObxRow> rows = new ArrayList<>();
                for (ORU_R01_OBSERVATION observation : order.getOBSERVATIONAll()) {
                    rows.add(row(observation.getOBX(), orderTime));
                }
                orders.add(order(order.getOBR(), rows));
            }
        }
        return orders;
    }

    private static PcdOrder order(OBR obr, List<ObxRow> rows) {
        List<String> parent = components(obr.getObr29_Parent().getEip2_FillerAssignedIdentifier());
        if (String.join("", parent).isEmpty()) {
            parent = components(obr.getObr29_Parent().getEip1_PlacerAssignedIdentifier());
        }
        CWE service = obr.getObr4_UniversalServiceIdentifier();
        return new PcdOrder(components(obr.getObr3_FillerOrderNumber()), parent, text(service.getCwe1_Identifier()),
                text(service.getCwe2_Text()), Hl7Time.parse(obr.getObr7_ObservationDateTime().getValue()).orElse(null),
                rows);
    }

    private static ObxRow row(OBX obx, Instant orderTime) throws HL7Exception {
        CWE identifier = obx.getObx3_ObservationIdentifier();
        CWE units = obx.getObx6_Units();
        List<String> interpretation = new ArrayList<>();
        for (var flag : obx.getObx8_AbnormalFlags()) {
            if (!text(flag).isEmpty()) {
                interpretation.add(text(flag));
            }
        }
        String equipmentId = "";
        String equipmentUniversalId = "";
        if (obx.getObx18_EquipmentInstanceIdentifierReps() > 0) {
            EI equipment = obx.getObx18_EquipmentInstanceIdentifier(0);
            equipmentId = text(equipment.getEi1_EntityIdentifier());
            equipmentUniversalId = text(equipment.getEi3_UniversalID());
        }
        return new ObxRow(text(obx.getObx2_ValueType()), text(identifier.getCwe1_Identifier()),
                text(identifier.getCwe2_Text()), text(obx.getObx4_ObservationSubID()), value(obx),
                MdcUnits.toUcum(units), interpretation,
                Hl7Time.parse(obx.getObx14_DateTimeOfTheObservation().getValue()).orElse(null), orderTime,
                equipmentId, equipmentUniversalId);
    }

    private static List<String> value(OBX obx) {
        if (obx.getObx5_ObservationValueReps() == 0) {
            return List.of();
        }
        Type data = obx.getObx5_ObservationValue(0).getData();
        List<String> components = new ArrayList<>(components(data));
        var extra = data.getExtraComponents();
        for (int i = 0; i < extra.numComponents(); i++) {
            components.add(firstPrimitive(extra.getComponent(i)));
        }
        return components;
    }

    private static List<String> components(Type data) {
        if (data instanceof Composite composite) {
            List<String> components = new ArrayList<>();
            for (Type component : composite.getComponents()) {
                components.add(firstPrimitive(component));
            }
            return components;
        }
        return List.of(firstPrimitive(data));
    }

    private static String firstPrimitive(Type type) {
        if (type instanceof Primitive primitive) {
            return text(primitive);
        }
        if (type instanceof Composite composite && composite.getComponents().length > 0) {
            return firstPrimitive(composite.getComponents()[0]);
        }
        if (type instanceof ca.uhn.hl7v2.model.Varies varies) {
            return firstPrimitive(varies.getData());
        }
        return "";
    }

    static String text(Primitive primitive) {
        String value = primitive.getValue();
        return value == null ? "" : value.strip();
    }
}
