using ImagingWorklist.Domain.Exams;

namespace ImagingWorklist.Application.Dashboards;

public sealed record ModalityBacklog(Modality Modality, int Open, int Overdue);
